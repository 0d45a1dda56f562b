const names: string[] = [];
for (let i = 0; i < 100000; i++) names.push(`name${(i * 7919) % 100000} other`);
let t = performance.now();
const order = names.map((_, i) => i);
order.sort((a, b) => {
  const l = names[a]!,
    r = names[b]!;
  return l < r ? -1 : l > r ? 1 : a - b;
});
console.log('cmp sort', performance.now() - t);
t = performance.now();
const keyed = names.map((n, i) => `${n}\u0000${i}`);
keyed.sort();
console.log('default sort', performance.now() - t);
t = performance.now();
const m = new Map<number, number[]>();
for (let i = 0; i < 2_000_000; i++) {
  const k = (i % 5000) * 65536 + 3;
  let b = m.get(k);
  if (!b) {
    b = [];
    m.set(k, b);
  }
  b.push(i);
}
console.log('num map pushes', performance.now() - t);
t = performance.now();
const m2 = new Map<string, number[]>();
const toks = names.map((n) => n.slice(0, 6));
for (let i = 0; i < 2_000_000; i++) {
  const k = toks[i % 100000]!.slice(0, 3);
  let b = m2.get(k);
  if (!b) {
    b = [];
    m2.set(k, b);
  }
  b.push(i);
}
console.log('str map pushes', performance.now() - t);
t = performance.now();
