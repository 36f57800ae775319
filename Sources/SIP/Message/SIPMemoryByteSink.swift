/// A sink over memory reserved beforehand, for writing a whole message with one capacity check instead of one per
/// piece. It never grows: a message that does not fit marks it `overflowed`, and the writer tries again with more.
public struct SIPMemoryByteSink: SIPByteSink {
    private let memory: UnsafeMutableRawBufferPointer
    public private(set) var count = 0
    public private(set) var overflowed = false

    public init(_ memory: UnsafeMutableRawBufferPointer) { self.memory = memory }

    public mutating func writeSIPBytes(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !overflowed, bytes.count <= memory.count - count else {
            overflowed = true
            return
        }
        if let source = bytes.baseAddress, let base = memory.baseAddress {
            (base + count).copyMemory(from: source, byteCount: bytes.count)
        }
        count += bytes.count
    }

    public mutating func writeSIPByte(_ byte: UInt8) {
        guard !overflowed, count < memory.count else {
            overflowed = true
            return
        }
        memory[count] = byte
        count += 1
    }
}
