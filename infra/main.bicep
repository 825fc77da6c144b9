// DX Navi on Azure: App Service (Node 24 LTS) + Azure Bot (Teams channel) + Storage (tables, queues) + Application Insights.
// One user-assigned managed identity is both the bot's identity and the app's identity towards Storage,
// so the deployment holds no secret at all.

@description('Short name used in every resource name (lowercase letters and digits).')
@minLength(3)
@maxLength(12)
param appName string = 'dxnavi'

@description('Region for everything except the bot registration, which is global.')
param location string = resourceGroup().location

@description('App Service plan SKU. B1 is enough for a pilot; use P1v3 or above for the whole city.')
param appServicePlanSku string = 'B1'

@description('Azure Bot SKU. Teams is a standard channel, so F0 carries no message limit there.')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

@description('Display name of the bot registration.')
param botDisplayName string = 'DX Navi'

@description('The active framework (FRAMEWORK_ID).')
param frameworkId string = 'kitakyushu'

var suffix = uniqueString(resourceGroup().id, appName)
// Storage account names: 3-24 lowercase letters and digits, globally unique.
var storageAccountName = take('st${appName}${suffix}', 24)

// Built-in role definitions (ids are the same in every tenant).
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${appName}-${suffix}'
  location: location
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    // Entra ID only: the app reaches Storage through its managed identity, never with a key.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    // Reachable over the internet, but only with an Entra token of someone holding a data role (see infra/README.md:
    // App Service reaches it without a virtual network; a private endpoint is the option for a city that requires one).
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource tableRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource queueRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageQueueDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageQueueDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${appName}-${suffix}'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${appName}-${suffix}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'Node.JS'
    WorkspaceResourceId: logs.id
    // Telemetry is accepted only with an Entra token (the app's identity, below), not with the key in the connection string.
    DisableLocalAuth: true
  }
}

resource telemetryRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, identity.id, monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'asp-${appName}-${suffix}'
  location: location
  kind: 'linux'
  sku: { name: appServicePlanSku }
  properties: {
    reserved: true // Linux
  }
}

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-${appName}-${suffix}'
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|24-lts'
      // The zip holds the compiled app and its production node_modules (see README), so no build runs on Azure.
      // The same command as `npm run bot` (a test keeps them equal).
      appCommandLine: 'node --max-semi-space-size=8 --heap-growing-percent=50 dist/src/index.js'
      alwaysOn: true
      healthCheckPath: '/healthz'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      appSettings: [
        { name: 'NODE_ENV', value: 'production' }
        { name: 'STORAGE_ACCOUNT_NAME', value: storage.name }
        { name: 'BOT_ID', value: identity.properties.clientId }
        { name: 'BOT_TYPE', value: 'UserAssignedMsi' }
        { name: 'BOT_TENANT_ID', value: tenant().tenantId }
        { name: 'FRAMEWORK_ID', value: frameworkId }
        // DefaultAzureCredential needs to be told which user-assigned identity to use.
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
        // Sends telemetry with the managed identity's token (local authentication is disabled above).
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'Authorization=AAD;ClientId=${identity.properties.clientId}' }
        // Read by the Application Insights SDK itself: at its default (WARN) it prints every Azure SDK warning, several a
        // second from the storage clients, as plain text among the bot's JSON log lines.
        { name: 'APPLICATIONINSIGHTS_INSTRUMENTATION_LOGGING_LEVEL', value: 'ERROR' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
      ]
    }
  }
  dependsOn: [tableRole, queueRole, telemetryRole]
}

// No deployment with a user name and password (FTP, or Kudu's basic authentication): both deploy paths in the README
// sign in with Entra ID.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: app
  name: 'ftp'
  properties: { allow: false }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: app
  name: 'scm'
  properties: { allow: false }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: 'bot-${appName}-${suffix}'
  location: 'global'
  kind: 'azurebot'
  sku: { name: botSku }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${app.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: tenant().tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

// Upper-case names: the Agents Toolkit's arm/deploy writes each output into env/.env.<environment> under its name,
// where m365agents.yml and the Teams manifest template (${{BOT_ID}}) pick them up. The az CLI path reads the same names.
@description('The bot\'s Microsoft app ID (the managed identity\'s client ID): BOT_ID for `npm run package`.')
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = tenant().tenantId
@description('The messaging endpoint of the Azure Bot: where Teams sends every activity.')
output BOT_MESSAGING_ENDPOINT string = bot.properties.endpoint
output BOT_DOMAIN string = app.properties.defaultHostName
@description('The App Service that azureAppService/zipDeploy (or `az webapp deploy`) deploys to.')
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = app.id
output WEB_APP_NAME string = app.name
@description('STORAGE_ACCOUNT_NAME for the framework and roster imports.')
output STORAGE_ACCOUNT_NAME string = storage.name
