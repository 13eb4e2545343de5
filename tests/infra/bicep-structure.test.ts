// Structure of infra/main.bicep and its parameters file. Bicep cannot be compiled here, so this checks what
// the text shows: every parameter and variable used, the required resources declared, outputs present,
// no secrets written down, storage reached only through the managed identity, app settings the service
// actually reads, and a parameters file that names only declared parameters with allowed values.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/config.js';
import { parseBicep, references, resourceBody } from './bicep.js';

const bicep = parseBicep(fs.readFileSync('infra/main.bicep', 'utf8'));
const parametersFile = JSON.parse(fs.readFileSync('infra/main.parameters.json', 'utf8')) as {
  $schema: string;
  parameters: Record<string, { value?: unknown; reference?: unknown }>;
};

const REQUIRED_RESOURCE_TYPES = [
  'Microsoft.ManagedIdentity/userAssignedIdentities',
  'Microsoft.BotService/botServices',
  'Microsoft.BotService/botServices/channels',
  'Microsoft.Web/serverfarms',
  'Microsoft.Web/sites',
  'Microsoft.Storage/storageAccounts',
  'Microsoft.Authorization/roleAssignments',
  'Microsoft.OperationalInsights/workspaces',
  'Microsoft.Insights/components',
  'Microsoft.KeyVault/vaults',
  'Microsoft.KeyVault/vaults/secrets',
];

/** App settings that belong to the platform or to @azure/identity, not to the service's config schema. */
const PLATFORM_SETTINGS = new Set([
  'NODE_ENV',
  'SCM_DO_BUILD_DURING_DEPLOYMENT',
  'AZURE_CLIENT_ID',
  'APPLICATIONINSIGHTS_CONNECTION_STRING',
  'ApplicationInsightsAgent_EXTENSION_VERSION',
]);

function appSettingNames(): string[] {
  const block = /var appSettingsBase = \{([\s\S]*?)\n\}/.exec(bicep.code);
  if (!block) throw new Error('appSettingsBase not found');
  const names = [...block[1]!.matchAll(/^\s*(\w+)\s*:/gm)].map((m) => m[1]!);
  const extra = /union\(appSettingsBase,[^)]*\{\s*(\w+)\s*:/.exec(bicep.code);
  return extra ? [...names, extra[1]!] : names;
}

describe('infra/main.bicep declarations', () => {
  it('uses every parameter it declares', () => {
    expect(bicep.params.length).toBeGreaterThan(10);
    const unused = bicep.params.filter((p) => references(bicep, p.name, new RegExp(`^param\\s+${p.name}\\b`)) === 0);
    expect(unused.map((p) => p.name)).toEqual([]);
  });

  it('uses every variable it declares', () => {
    const unused = bicep.vars.filter((v) => references(bicep, v, new RegExp(`^var\\s+${v}\\b`)) === 0);
    expect(unused).toEqual([]);
  });

  it('declares every resource the deployment needs, with dated API versions', () => {
    const types = bicep.resources.map((r) => r.type);
    for (const type of REQUIRED_RESOURCE_TYPES) expect(types, type).toContain(type);
    for (const r of bicep.resources) expect(r.apiVersion, r.symbol).toMatch(/^20(2[0-9])-\d\d-\d\d(-preview)?$/);
  });

  it('has the outputs the next deployment steps need', () => {
    const names = bicep.outputs.map((o) => o.name);
    expect(names).toEqual(expect.arrayContaining(['botEndpoint', 'appHostname', 'tableEndpoint', 'identityClientId', 'botAppId']));
  });
});

describe('secrets', () => {
  it('writes down no key, connection string or password', () => {
    const text = bicep.text;
    expect(text).not.toMatch(/AccountKey=/i);
    expect(text).not.toMatch(/DefaultEndpointsProtocol/i);
    expect(text).not.toMatch(/SharedAccessSignature|[?&]sig=/i);
    expect(text).not.toMatch(/listKeys\s*\(|listConnectionStrings\s*\(/);
    expect(text).not.toMatch(/(password|secret|apikey|key)\w*\s*[:=]\s*'[^'$]{6,}'/i);
    // Nothing that looks like a base64 key or a hex token.
    // (Resource type paths are long too, so the base64 check looks for digits among letters.)
    expect(text).not.toMatch(/(?=[A-Za-z0-9+/]{40,})(?=[A-Za-z+/]*\d)(?=[0-9+/]*[A-Za-z])[A-Za-z0-9+/]{40,}={0,2}/);
    expect(text).not.toMatch(/\b[0-9a-f]{32,}\b/i);
  });

  it('marks secret parameters @secure, without a default, and never outputs them', () => {
    const secretLike = bicep.params.filter((p) => /password|secret|key$/i.test(p.name));
    expect(secretLike.map((p) => p.name)).toEqual(['botAppPassword', 'feedbackKey']);
    for (const p of secretLike) {
      expect(p.secure, p.name).toBe(true);
      expect(bicep.code).toMatch(new RegExp(`^param\\s+${p.name}\\s+string\\s*=\\s*''\\s*$`, 'm'));
      expect(bicep.code).not.toMatch(new RegExp(`^output\\s+\\w+\\s+\\w+\\s*=.*\\b${p.name}\\b`, 'm'));
    }
  });

  it('reaches the tables only through the managed identity', () => {
    const storage = resourceBody(bicep, 'storage');
    expect(storage).toMatch(/allowSharedKeyAccess:\s*false/);
    expect(storage).toMatch(/minimumTlsVersion:\s*'TLS1_2'/);
    const role = resourceBody(bicep, 'serviceTableAccess');
    expect(role).toMatch(/scope:\s*storage\b/);
    expect(role).toMatch(/principalId:\s*identity\.properties\.principalId/);
    expect(bicep.code).toContain("'0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'");
    expect(appSettingNames()).toContain('STORAGE_TABLE_ENDPOINT');
    expect(appSettingNames()).not.toContain('STORAGE_CONNECTION_STRING');
  });
});

describe('FEEDBACK_KEY', () => {
  it('comes from Key Vault (RBAC, read by the service identity only), never from a table or a plain setting', () => {
    const vault = resourceBody(bicep, 'keyVault');
    expect(vault).toMatch(/enableRbacAuthorization:\s*true/);
    expect(vault).toMatch(/enablePurgeProtection:\s*true/);
    const secret = resourceBody(bicep, 'feedbackKeySecret');
    expect(secret).toMatch(/parent:\s*keyVault/);
    expect(secret).toMatch(/value:\s*feedbackKey\b/);
    expect(bicep.code).toMatch(/resource feedbackKeySecret [^\n]*= if \(!empty\(feedbackKey\)\)/);
    const role = resourceBody(bicep, 'serviceSecretAccess');
    expect(role).toMatch(/scope:\s*keyVault\b/);
    expect(role).toMatch(/principalId:\s*identity\.properties\.principalId/);
    expect(bicep.code).toContain("'4633458b-17de-408a-b874-0445c86b69e6'");
    expect(resourceBody(bicep, 'site')).toMatch(/keyVaultReferenceIdentity:\s*identity\.id/);
    expect(appSettingNames()).toContain('FEEDBACK_KEY');
    expect(bicep.code).toMatch(/FEEDBACK_KEY:\s*vaultReferenceFeedback\b/);
    expect(bicep.code).toMatch(/var vaultReferenceFeedback = '@Microsoft\.KeyVault\(VaultName=\$\{keyVault\.name\};SecretName=\$\{feedbackVaultEntry\}\)'/);
  });
});

describe('resources', () => {
  it('registers the bot with the Teams channel and the app endpoint', () => {
    const bot = resourceBody(bicep, 'bot');
    expect(bot).toMatch(/location:\s*'global'/);
    expect(bot).toMatch(/endpoint:\s*'https:\/\/\$\{site\.properties\.defaultHostName\}\/api\/messages'/);
    expect(bot).toMatch(/msaAppType:\s*botAuthType/);
    expect(bicep.params.find((p) => p.name === 'botAuthType')?.allowed).toEqual(['UserAssignedMSI', 'SingleTenant']);
    const channel = resourceBody(bicep, 'teamsChannel');
    expect(channel).toMatch(/channelName:\s*'MsTeamsChannel'/);
    expect(channel).toMatch(/isEnabled:\s*true/);
  });

  it('runs a Linux web app with the managed identity, HTTPS only and /healthz as health probe', () => {
    const site = resourceBody(bicep, 'site');
    expect(site).toMatch(/kind:\s*'app,linux'/);
    expect(site).toMatch(/type:\s*'UserAssigned'/);
    expect(site).toMatch(/httpsOnly:\s*true/);
    expect(site).toMatch(/healthCheckPath:\s*'\/healthz'/);
    expect(site).toMatch(/appCommandLine:\s*'node dist\/index\.js'/);
    expect(resourceBody(bicep, 'plan')).toMatch(/reserved:\s*true/);
  });

  it('sends the app logs to Log Analytics and wires Application Insights', () => {
    expect(resourceBody(bicep, 'appInsights')).toMatch(/WorkspaceResourceId:\s*logAnalytics\.id/);
    expect(resourceBody(bicep, 'siteDiagnostics')).toMatch(/AppServiceConsoleLogs/);
  });

  it('sets only app settings the service (or the platform) reads', () => {
    const known = new Set(Object.keys(configSchema.innerType().shape));
    const names = appSettingNames();
    expect(names).toEqual(expect.arrayContaining(['MicrosoftAppId', 'MicrosoftAppTenantId', 'MicrosoftAppType', 'AZURE_CLIENT_ID', 'PUBLIC_BASE_URL']));
    expect(names.filter((n) => !known.has(n) && !PLATFORM_SETTINGS.has(n))).toEqual([]);
  });
});

describe('infra/main.parameters.json', () => {
  const declared = new Map(bicep.params.map((p) => [p.name, p]));

  it('is an ARM deployment parameters file naming only declared parameters', () => {
    expect(parametersFile.$schema).toContain('deploymentParameters.json');
    const unknown = Object.keys(parametersFile.parameters).filter((name) => !declared.has(name));
    expect(unknown).toEqual([]);
  });

  it('gives every parameter without a default', () => {
    const missing = bicep.params.filter((p) => !p.hasDefault && !(p.name in parametersFile.parameters));
    expect(missing.map((p) => p.name)).toEqual([]);
  });

  it('holds no secret values and only allowed, well-typed values', () => {
    for (const [name, entry] of Object.entries(parametersFile.parameters)) {
      const param = declared.get(name)!;
      if (param.secure) {
        expect(entry.value, `${name} must come from the command line or a Key Vault reference`).toBeUndefined();
        continue;
      }
      const value = entry.value;
      const expected = { string: 'string', int: 'number', bool: 'boolean', object: 'object', array: 'object' }[param.type];
      expect(typeof value, name).toBe(expected);
      if (param.allowed) expect(param.allowed, name).toContain(value);
    }
  });
});

describe('the structural reader itself', () => {
  it('sees an unused parameter, a decorator and a property key that is not a reference', () => {
    const snippet = parseBicep(
      [
        "@description('Where: location is not a reference inside a description')",
        '@allowed([',
        "  'a'",
        "  'b'",
        '])',
        "param used string = 'a'",
        '@secure()',
        'param location string',
        '',
        "resource thing 'Microsoft.Web/sites@2023-12-01' = {",
        '  location: used // location',
        '}',
      ].join('\n'),
    );
    expect(snippet.params.map((p) => [p.name, p.hasDefault, p.secure, p.allowed])).toEqual([
      ['used', true, false, ['a', 'b']],
      ['location', false, true, undefined],
    ]);
    expect(references(snippet, 'used', /^param\s+used\b/)).toBe(1);
    expect(references(snippet, 'location', /^param\s+location\b/)).toBe(0);
    expect(snippet.resources).toEqual([{ symbol: 'thing', type: 'Microsoft.Web/sites', apiVersion: '2023-12-01' }]);
  });
});
