import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.ts';
import { toForbindelser } from '../../db/test-database.ts';
import { medLaas, slipLaas, tagLaas } from './laas.ts';

const NU = new Date('2026-12-02T10:00:00Z');
const om = (ms: number) => new Date(NU.getTime() + ms);
const MINUT = 60_000;

// Two connections to one file, as two processes have.
let a: Db;
let b: Db;
beforeEach(async () => {
  ({ a, b } = await toForbindelser('laas'));
});

describe('lease på planlagt arbejde', () => {
  it('af to indehavere får kun den første låsen, og den kan forny den', async () => {
    expect(await tagLaas(a, 'oprydning', 'proces-a', NU, 15 * MINUT)).toBe(true);
    expect(await tagLaas(b, 'oprydning', 'proces-b', NU, 15 * MINUT)).toBe(false);
    expect(await tagLaas(a, 'oprydning', 'proces-a', om(10 * MINUT), 15 * MINUT)).toBe(true);
    // Renewed at 10 min: still held at 20 min.
    expect(await tagLaas(b, 'oprydning', 'proces-b', om(20 * MINUT), 15 * MINUT)).toBe(false);
  });

  it('en udløbet lease går videre til den næste, og den gamle indehaver har mistet den', async () => {
    expect(await tagLaas(a, 'oprydning', 'proces-a', NU, 15 * MINUT)).toBe(true);
    expect(await tagLaas(b, 'oprydning', 'proces-b', om(15 * MINUT), 15 * MINUT)).toBe(true);
    expect(await tagLaas(a, 'oprydning', 'proces-a', om(16 * MINUT), 15 * MINUT)).toBe(false);
  });

  it('forskellige job har hver sin lease', async () => {
    expect(await tagLaas(a, 'oprydning', 'proces-a', NU, MINUT)).toBe(true);
    expect(await tagLaas(b, 'andet-job', 'proces-b', NU, MINUT)).toBe(true);
  });

  it('taberen kører ikke jobbet; vinderen gør', async () => {
    const koersler: string[] = [];
    expect(await medLaas(a, 'oprydning', 'proces-a', NU, MINUT, async () => koersler.push('a'))).toBe(1);
    expect(await medLaas(b, 'oprydning', 'proces-b', NU, MINUT, async () => koersler.push('b'))).toBeUndefined();
    expect(koersler).toEqual(['a']);
  });

  it('en sluppet lease kan tages med det samme, men kun indehaveren kan slippe den', async () => {
    await tagLaas(a, 'oprydning', 'proces-a', NU, 15 * MINUT);
    await slipLaas(b, 'oprydning', 'proces-b');
    expect(await tagLaas(b, 'oprydning', 'proces-b', NU, 15 * MINUT)).toBe(false);
    await slipLaas(a, 'oprydning', 'proces-a');
    expect(await tagLaas(b, 'oprydning', 'proces-b', NU, 15 * MINUT)).toBe(true);
  });
});
