// Placeholder until the DynamoDB Local launcher lands: integration tests read the endpoint from inject('ddbEndpoint').
export default async function setup(): Promise<void> {}
