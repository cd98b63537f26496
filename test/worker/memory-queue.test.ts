import { MemoryJobQueue } from '../../src/worker/memory-queue';
import { queueContract } from './queue-contract';

queueContract('MemoryJobQueue', async () => new MemoryJobQueue());
