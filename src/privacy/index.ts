export { createDeleteMyData, PRIVACY_VERBS, type PersonalDataStores } from './delete-my-data.js';
export { loadFeedbackKey, FeedbackKeyError, FEEDBACK_KEY_FILE } from './feedback-key.js';
