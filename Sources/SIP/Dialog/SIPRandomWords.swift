import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Random 64-bit words for identifiers, from the kernel's CSPRNG 32 words at a time: a call needs half a dozen
/// (Call-ID, tag, a branch per request), and a system call for each was 5 % of the user agent's time.
final class SIPRandomWords: Sendable {
    static let shared = SIPRandomWords()

    private struct Pool {
        var words = [UInt64](repeating: 0, count: 32)
        var next = 32
    }

    private let pool = Mutex(Pool())

    func next() -> UInt64 {
        pool.withLock { pool in
            if pool.next == pool.words.count {
                pool.words.withUnsafeMutableBytes(Self.fill)
                pool.next = 0
            }
            defer { pool.next += 1 }
            return pool.words[pool.next]
        }
    }

    private static func fill(_ buffer: UnsafeMutableRawBufferPointer) {
        #if canImport(Glibc) || canImport(Darwin)
            // getentropy(3) gives at most 256 bytes a call (it is getrandom(2) underneath on Linux).
            var filled = 0
            while filled < buffer.count, getentropy(buffer.baseAddress! + filled, min(256, buffer.count - filled)) == 0
            {
                filled += min(256, buffer.count - filled)
            }
            if filled == buffer.count { return }
        #endif
        // Should getentropy fail: the standard library's generator, a word at a time.
        var generator = SystemRandomNumberGenerator()
        for index in stride(from: 0, to: buffer.count, by: 8) {
            buffer.storeBytes(of: generator.next(), toByteOffset: index, as: UInt64.self)
        }
    }
}
