// The official openai npm client against the contract server serving OpenAI's document.
// Usage: node openai-client.mjs <base URL ending in /v1>; prints one JSON object of what each call returned.
import OpenAI from 'openai';

const client = new OpenAI({ baseURL: process.argv[2], apiKey: 'sk-contract-server', maxRetries: 0 });
const messages = [{ role: 'user', content: 'Name a colour.' }];
const out = {};

const chat = await client.chat.completions.create({ model: 'gpt-4o-mini', messages });
out.chat = chat.choices[0].message.content;

const stream = await client.chat.completions.create({ model: 'gpt-4o-mini', messages, stream: true });
out.streamed = '';
out.chunks = 0;
for await (const chunk of stream) {
  out.chunks++;
  out.streamed += chunk.choices[0]?.delta?.content ?? '';
}

// Without encoding_format the client asks for base64 and decodes it.
const embeddings = await client.embeddings.create({ model: 'text-embedding-3-small', input: 'hello', dimensions: 4 });
out.embedding = Array.from(embeddings.data[0].embedding);

out.models = [];
for await (const model of client.models.list()) {
  out.models.push(model.id);
}

out.model = (await client.models.retrieve('gpt-4o-mini')).id;

try {
  await client.chat.completions.create({ model: 'gpt-4o-mini', messages, temperature: 9, top_p: 7 });
  out.refused = null;
} catch (error) {
  out.refused = { status: error.status, details: error.error?.details ?? null };
}

console.log(JSON.stringify(out));
