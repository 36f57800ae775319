import NIOCore

extension ByteBuffer: SIPByteSink {
    public mutating func writeSIPBytes(_ bytes: UnsafeBufferPointer<UInt8>) { writeBytes(bytes) }
    public mutating func writeSIPByte(_ byte: UInt8) { writeInteger(byte) }
}
