// Unit tests run against real IndexedDB semantics (fake-indexeddb) and Node's real WebCrypto.
import 'fake-indexeddb/auto';
