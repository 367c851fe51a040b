// The VC-JOSE-COSE suite declares Node >= 20 (package.json "engines") but calls
// Iterator.prototype.map (implementations/index.js), which Node has only from 22 on.
// On an older Node, run.sh preloads this for that suite alone: the one helper it uses,
// with the standard's meaning (a lazy map over the iterator). Nothing else changes.
'use strict';
const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
if(typeof IteratorPrototype.map !== 'function') {
  Object.defineProperty(IteratorPrototype, 'map', {
    configurable: true,
    writable: true,
    value: function* map(fn) {
      let i = 0;
      for(const value of this) {
        yield fn(value, i++);
      }
    }
  });
}
