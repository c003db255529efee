import { createRequire } from 'node:module';
import { E as EventStreamSerde, e as eventStreamSerdeProvider2, i as init_event_streams } from './dist-cjs-USJV4RJS-CkoQF-lU.js';
export { a as EventStreamCodec, b as EventStreamMarshaller, H as HeaderMarshaller, I as Int64, M as MessageDecoderStream, c as MessageEncoderStream, S as SmithyMessageDecoderStream, d as SmithyMessageEncoderStream, f as UniversalEventStreamMarshaller, g as getChunkedStream, h as getMessageUnmarshaller, j as getUnmarshalledStream, k as iterableToReadableStream, r as readableStreamToIterable, l as resolveEventStreamSerdeConfig, m as universalEventStreamSerdeProvider } from './dist-cjs-USJV4RJS-CkoQF-lU.js';
import './hot-help-validate-plan-audit-verify-CiDATK95.js';
import 'node:fs';
import 'node:os';
import 'node:path';
import 'node:crypto';
import 'node:fs/promises';
import 'node:stream';
import 'node:zlib';
import 'node:process';
import 'node:worker_threads';

const require$1 = createRequire(import.meta.url);
init_event_streams();

export { EventStreamSerde, eventStreamSerdeProvider2 as eventStreamSerdeProvider };
