// Resolves once the current turn of the event loop has handled its I/O (at setImmediate), with
// one promise shared by everything that asks during the turn. The HTTP callbacks await it after
// reading their body, so the callbacks that arrived together are verified, decrypted, parsed and
// dispatched one after another, and their answers leave together, instead of each being handled
// and answered in between the parsing of the next requests. Under load this made each callback
// markedly cheaper: in bench:dingtalk, server CPU per callback went from 217–227 to 172–183 µs
// (full path) and from 181–185 to 82–89 µs (channel without store); in bench:wecom, the full
// path went from 206–226 to 187–194 µs. It costs one loop turn of latency.
let turn: Promise<void> | null = null;

export function nextTurn(): Promise<void> {
  turn ??= new Promise((resolve) =>
    setImmediate(() => {
      turn = null;
      resolve();
    }),
  );
  return turn;
}
