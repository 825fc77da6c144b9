// CommonJS stand-in for the ESM-only strip-bom package, which @microsoft/app-manifest requires.
module.exports = function stripBom(text) {
  return typeof text === 'string' && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
};
module.exports.default = module.exports;
