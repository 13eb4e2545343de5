export { createDeleteMyData, PRIVACY_VERBS, type PersonalDataStores } from './delete-my-data.js';
