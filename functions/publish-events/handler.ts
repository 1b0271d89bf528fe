// Placeholder: the real handler is being written; exists so the CDK app can bundle it.
export const handler = async (): Promise<void> => {};
