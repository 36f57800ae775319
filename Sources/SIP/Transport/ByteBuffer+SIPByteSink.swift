import NIOCore

extension ByteBuffer: SIPTextSink {}

extension ByteBuffer: SIPByteSink {
    public mutating func writeSIPBytes(_ bytes: UnsafeBufferPointer<UInt8>) { writeBytes(bytes) }
    public mutating func writeSIPByte(_ byte: UInt8) { writeInteger(byte) }
}

extension ByteBuffer {
    /// Writes the message straight into the buffer's memory: a message is some forty pieces, and checking the
    /// buffer's capacity and uniqueness for each piece cost more than copying it. Room for a typical message is
    /// reserved first; one that does not fit is written again with twice the room.
    mutating func writeSIPMessage(_ message: SIPMessage) {
        var room = message.serializedCapacity
        while true {
            let written = writeWithUnsafeMutableBytes(minimumWritableBytes: room) { memory in
                var sink = SIPMemoryByteSink(memory)
                message.write(to: &sink)
                return sink.overflowed ? 0 : sink.count
            }
            if written > 0 { return }
            room *= 2
        }
    }
}
