import NIOCore

/// Frames SIP messages on a TCP stream by Content-Length (RFC 3261 §18.3). A framing error is passed on and then
/// closes the connection: after it, message boundaries are lost.
struct SIPStreamDecoder: ByteToMessageDecoder {
    typealias InboundOut = Result<SIPMessage, SIPRejectedMessage>

    private var parser = SIPMessageParser(framing: .stream)

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        parser.append(buffer.readableBytesView)
        buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
        while true {
            do {
                guard let message = try parser.nextMessage() else { return .needMoreData }
                context.fireChannelRead(wrapInboundOut(.success(message)))
            } catch {
                context.fireChannelRead(wrapInboundOut(.failure(error)))
                throw error.error
            }
        }
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws
        -> DecodingState
    {
        try decode(context: context, buffer: &buffer)
    }
}
