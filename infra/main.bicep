// Azure resources for the peer-learning Teams bot, deployed into one resource group:
//   user-assigned managed identity -> Azure Bot (Teams channel) -> Linux App Service (Node) -> Storage (Tables)
//   with Log Analytics + Application Insights.
// The service reaches its tables with the managed identity (role "Storage Table Data Contributor"); the
// storage account refuses shared keys, so no key or connection string exists anywhere in the settings.
//
// This file cannot be compiled on the machine it was written on. `az bicep build --file infra/main.bicep`
// (or `az deployment group what-if`) is the real check; see docs/deployment.md.
targetScope = 'resourceGroup'

// ---------------------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------------------

@description('Short name used in every resource name: lowercase letters, digits and hyphens.')
@minLength(2)
@maxLength(12)
param baseName string = 'peerlearn'

@description('Region of all regional resources (the Bot resource itself is global). Data stays in this region.')
param location string = resourceGroup().location

@description('How the bot authenticates to the Bot Framework: the managed identity below (no secret) or an Entra app registration with a client secret.')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param botAuthType string = 'UserAssignedMSI'

@description('SingleTenant only: Application (client) ID of the Entra app registration. Ignored for UserAssignedMSI.')
param botAppId string = ''

@description('SingleTenant only: client secret of that app registration. Pass it on the command line or from Key Vault, never in a file.')
@secure()
param botAppPassword string = ''

@description('Key of the feedback pseudonyms (FEEDBACK_KEY): 32 random bytes in base64, e.g. `openssl rand -base64 32`. Give it on the first deployment; later deployments may leave it empty to keep the one in Key Vault. Changing it cuts earlier answers off from their authors (docs/privacy.md).')
@secure()
param feedbackKey string = ''

@description('Display name of the Azure Bot resource (not what users see in Teams; that comes from the app package).')
param botDisplayName string = 'Peer-Learning'

@description('Azure Bot pricing tier. Teams is a standard channel: F0 is enough.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('App Service plan SKU. B1 or larger (Always On is needed for the scheduler).')
param appServiceSkuName string = 'B1'

@description('Runtime stack of the Linux web app.')
param linuxFxVersion string = 'NODE|20-lts'

@description('Redundancy of the storage account. GRS/GZRS copy the data to the paired region.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSkuName string = 'Standard_LRS'

@description('Prefix for every table name (letters and digits); lets several deployments share one account.')
param tablePrefix string = ''

@description('Comma-separated Entra object ids of the program coordinators (COORDINATOR_IDS).')
param coordinatorIds string = ''

@description('Log level of the service (LOG_LEVEL).')
@allowed([
  'fatal'
  'error'
  'warn'
  'info'
  'debug'
])
param logLevel string = 'info'

@description('Messages per second the delivery engine sends at most (DELIVERY_MAX_RPS, Teams allows 50 per app and tenant).')
@minValue(1)
@maxValue(50)
param deliveryMaxRps int = 30

@description('Days feedback responses are kept (FEEDBACK_RETENTION_DAYS).')
@minValue(1)
@maxValue(3650)
param feedbackRetentionDays int = 365

@description('Days Log Analytics keeps logs (console, HTTP and platform logs of the app).')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Optional: object id of an operator user or group that may read and write table data (backups, support). Empty: none.')
param operatorPrincipalId string = ''

@description('Kind of principal given in operatorPrincipalId.')
@allowed([
  'User'
  'Group'
])
param operatorPrincipalType string = 'Group'

@description('Tags put on every resource.')
param tags object = {
  application: 'peer-learning-bot'
}

// ---------------------------------------------------------------------------------------------------------
// Names and constants
// ---------------------------------------------------------------------------------------------------------

var suffix = uniqueString(resourceGroup().id, baseName)
var useManagedIdentity = botAuthType == 'UserAssignedMSI'
// Built-in role "Storage Table Data Contributor": read, write and create tables, nothing on the account keys.
var storageTableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
// Built-in role "Key Vault Secrets User": read secret values, nothing else.
var vaultReaderRoleId = '4633458b-17de-408a-b874-0445c86b69e6'
var keyVaultName = take('kv-${toLower(replace(baseName, '_', '-'))}-${suffix}', 24)
var feedbackVaultEntry = 'feedback-key'
var storageAccountName = take('st${toLower(replace(baseName, '-', ''))}${suffix}', 24)
// Without a trailing slash, the form the service's STORAGE_TABLE_ENDPOINT check expects.
var tableEndpoint = 'https://${storageAccountName}.table.${environment().suffixes.storage}'

// ---------------------------------------------------------------------------------------------------------
// Identity
// ---------------------------------------------------------------------------------------------------------

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${baseName}-${suffix}'
  location: location
  tags: tags
}

var effectiveBotAppId = useManagedIdentity ? identity.properties.clientId : botAppId

// ---------------------------------------------------------------------------------------------------------
// Monitoring
// ---------------------------------------------------------------------------------------------------------

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${baseName}-${suffix}'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${baseName}-${suffix}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
  }
}

// ---------------------------------------------------------------------------------------------------------
// Storage: Table service, reached only with Entra ID
// ---------------------------------------------------------------------------------------------------------

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: storageSkuName
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {}
}

resource serviceTableAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageTableDataContributorRoleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributorRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource operatorTableAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(operatorPrincipalId)) {
  name: guid(storage.id, operatorPrincipalId, storageTableDataContributorRoleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributorRoleId)
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
  }
}

// ---------------------------------------------------------------------------------------------------------
// Key Vault: FEEDBACK_KEY lives here, outside table storage, so readers of the tables cannot tell whose
// feedback a row is. Only the service identity may read it (RBAC); App Service resolves the reference.
// ---------------------------------------------------------------------------------------------------------

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

// Written only when given: a later deployment without it keeps the key (and the pseudonyms) as they are.
resource feedbackKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(feedbackKey)) {
  parent: keyVault
  name: feedbackVaultEntry
  properties: {
    value: feedbackKey
    contentType: 'base64, 32 bytes'
  }
}

resource serviceSecretAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyVault.id, identity.id, vaultReaderRoleId)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', vaultReaderRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// App Service resolves this at start with the identity below; the service only ever sees FEEDBACK_KEY.
var vaultReferenceFeedback = '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=${feedbackVaultEntry})'

// ---------------------------------------------------------------------------------------------------------
// Web app
// ---------------------------------------------------------------------------------------------------------

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'plan-${baseName}-${suffix}'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: appServiceSkuName
    // One instance: the scheduler runs inside the service process.
    capacity: 1
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-${baseName}-${suffix}'
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    keyVaultReferenceIdentity: identity.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: linuxFxVersion
      appCommandLine: 'node dist/index.js'
      alwaysOn: true
      // Liveness only: a missing or refused program must not get the instance recycled (readiness is /readyz).
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
  }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

// A separate config resource, so the settings can use the site's own host name.
var appSettingsBase = {
  NODE_ENV: 'production'
  // Deploy a built package (docs/deployment.md); no build on the server.
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
  MicrosoftAppType: botAuthType
  MicrosoftAppId: effectiveBotAppId
  MicrosoftAppTenantId: tenant().tenantId
  // DefaultAzureCredential picks the user-assigned identity by this client id.
  AZURE_CLIENT_ID: identity.properties.clientId
  STORAGE_TABLE_ENDPOINT: tableEndpoint
  TABLE_PREFIX: tablePrefix
  PUBLIC_BASE_URL: 'https://${site.properties.defaultHostName}'
  // /home is the persistent share of App Service.
  DATA_DIR: '/home/data'
  COORDINATOR_IDS: coordinatorIds
  LOG_LEVEL: logLevel
  DELIVERY_MAX_RPS: string(deliveryMaxRps)
  FEEDBACK_RETENTION_DAYS: string(feedbackRetentionDays)
  FEEDBACK_KEY: vaultReferenceFeedback
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
  ApplicationInsightsAgent_EXTENSION_VERSION: '~3'
}

resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: site
  name: 'appsettings'
  properties: union(appSettingsBase, useManagedIdentity ? {} : { MicrosoftAppPassword: botAppPassword })
  dependsOn: [
    serviceTableAccess
    serviceSecretAccess
    feedbackKeySecret
  ]
}

resource siteDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: site
  properties: {
    workspaceId: logAnalytics.id
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

// ---------------------------------------------------------------------------------------------------------
// Azure Bot with the Teams channel
// ---------------------------------------------------------------------------------------------------------

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: 'bot-${baseName}-${suffix}'
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${site.properties.defaultHostName}/api/messages'
    msaAppId: effectiveBotAppId
    msaAppType: botAuthType
    msaAppTenantId: tenant().tenantId
    msaAppMSIResourceId: useManagedIdentity ? identity.id : null
    publicNetworkAccess: 'Enabled'
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

// ---------------------------------------------------------------------------------------------------------
// Outputs: what `npm run package` and the deployment steps need next
// ---------------------------------------------------------------------------------------------------------

@description('Messaging endpoint registered in the Azure Bot.')
output botEndpoint string = bot.properties.endpoint

@description('MicrosoftAppId for `npm run package` (the bot id in the Teams manifest).')
output botAppId string = effectiveBotAppId

@description('Host name of the web app: BOT_DOMAIN for `npm run package`.')
output appHostname string = site.properties.defaultHostName

@description('Name of the web app, for `az webapp deploy`.')
output appName string = site.name

@description('Table endpoint the service uses (STORAGE_TABLE_ENDPOINT).')
output tableEndpoint string = tableEndpoint

@description('Storage account name, for backups with `az storage entity query --auth-mode login`.')
output storageAccountName string = storage.name

@description('Client id of the managed identity (AZURE_CLIENT_ID; also the bot id with UserAssignedMSI).')
output identityClientId string = identity.properties.clientId

@description('Key Vault holding FEEDBACK_KEY (secret feedback-key).')
output keyVaultName string = keyVault.name

@description('Tenant of the bot (MicrosoftAppTenantId).')
output tenantId string = tenant().tenantId
