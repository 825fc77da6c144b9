import { ConfigError, loadConfig } from '../../src/config';

describe('loadConfig', () => {
  it('runs locally with defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3978);
    expect(config.frameworkId).toBe('kitakyushu');
    expect(config.production).toBe(false);
    expect(config.startPlayground).toBe(true);
    expect(config.bot).toEqual({ id: undefined, password: undefined, type: 'MultiTenant', tenantId: undefined });
    expect(config.storageAccountName).toBeUndefined();
    expect(config.storageConnectionString).toContain('AccountName=devstoreaccount1');
    expect(config.storageConnectionString).toContain('TableEndpoint=http://127.0.0.1:10002/');
  });

  it('uses the storage settings it is given instead of the local emulator', () => {
    expect(loadConfig({ STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' }).storageConnectionString).toBe(
      'UseDevelopmentStorage=true',
    );
    const managed = loadConfig({ STORAGE_ACCOUNT_NAME: 'dxnavi' });
    expect(managed.storageAccountName).toBe('dxnavi');
    expect(managed.storageConnectionString).toBeUndefined();
  });

  it('treats blank optional settings as unset', () => {
    const config = loadConfig({ BOT_ID: '  ', STORAGE_ACCOUNT_NAME: '' });
    expect(config.bot.id).toBeUndefined();
    expect(config.storageAccountName).toBeUndefined();
    expect(config.storageConnectionString).toContain('devstoreaccount1');
  });

  it('reads the port and the framework id', () => {
    const config = loadConfig({ PORT: '8080', FRAMEWORK_ID: 'other-city', START_PLAYGROUND: 'false' });
    expect(config.port).toBe(8080);
    expect(config.frameworkId).toBe('other-city');
    expect(config.startPlayground).toBe(false);
  });

  it.each(['abc', '70000', '-1', '3.5'])('rejects PORT=%p with a message naming PORT', (port) => {
    expect(() => loadConfig({ PORT: port })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: port })).toThrow(/PORT/);
  });

  it('rejects a framework id that is not key-safe', () => {
    expect(() => loadConfig({ FRAMEWORK_ID: 'Kita Kyushu' })).toThrow(/FRAMEWORK_ID/);
  });

  it('refuses production without BOT_ID', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', STORAGE_ACCOUNT_NAME: 'dxnavi' })).toThrow(/BOT_ID/);
  });

  it('refuses production without storage settings', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', BOT_ID: 'app-id' })).toThrow(/STORAGE_ACCOUNT_NAME/);
  });

  it('accepts production with a managed identity and a storage account, without a password', () => {
    const env = { NODE_ENV: 'production', BOT_ID: 'app-id', BOT_TYPE: 'UserAssignedMsi', STORAGE_ACCOUNT_NAME: 'dxnavi', BOT_TENANT_ID: 'city-tenant' };
    const config = loadConfig(env);
    expect(config.production).toBe(true);
    expect(config.bot.type).toBe('UserAssignedMSI');
    expect(config.storageConnectionString).toBeUndefined();
  });

  it.each(['MultiTenant', 'SingleTenant'])('refuses a %s bot in production without BOT_PASSWORD', (type) => {
    const env = { NODE_ENV: 'production', BOT_ID: 'app-id', BOT_TYPE: type, BOT_TENANT_ID: 't', STORAGE_ACCOUNT_NAME: 'dxnavi' };
    expect(() => loadConfig(env)).toThrow(/BOT_PASSWORD/);
    expect(loadConfig({ ...env, BOT_PASSWORD: 'secret' }).bot.password).toBe('secret');
  });

  it('refuses a SingleTenant bot without a tenant', () => {
    const env = { BOT_ID: 'app-id', BOT_TYPE: 'SingleTenant' };
    expect(() => loadConfig(env)).toThrow(/BOT_TENANT_ID/);
    expect(loadConfig({ ...env, BOT_TENANT_ID: 'tenant' }).bot).toMatchObject({ type: 'SingleTenant', tenantId: 'tenant' });
  });

  it('knows the instance it runs on from INSTANCE_ID, else from App Service, else not at all', () => {
    expect(loadConfig({}).instanceId).toBeUndefined();
    expect(loadConfig({ WEBSITE_INSTANCE_ID: 'a1b2c3' }).instanceId).toBe('a1b2c3');
    expect(loadConfig({ WEBSITE_INSTANCE_ID: 'a1b2c3', INSTANCE_ID: 'vm-7' }).instanceId).toBe('vm-7');
  });

  it('returns a frozen result', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.bot)).toBe(true);
  });
});

describe('BOT_LANGUAGE', () => {
  it('follows each client by default and accepts ja or en', () => {
    expect(loadConfig({}).language).toBe('auto');
    expect(loadConfig({ BOT_LANGUAGE: 'ja' }).language).toBe('ja');
    expect(() => loadConfig({ BOT_LANGUAGE: 'fr' })).toThrow(/BOT_LANGUAGE/);
  });
});

