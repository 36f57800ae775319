import NIOCore

/// Hands each UDP datagram to the transport layer, on the event loop the agent lives on.
final class SIPDatagramHandler: ChannelInboundHandler {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>

    private let transport: NIOLoopBound<SIPTransportLayer>

    init(transport: NIOLoopBound<SIPTransportLayer>) { self.transport = transport }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = unwrapInboundIn(data)
        let result: Result<SIPMessage, SIPRejectedMessage> = envelope.data.withUnsafeReadableBytes { bytes in
            do throws(SIPRejectedMessage) {
                return .success(try SIPMessageParser.parseDatagram(bytes))
            } catch {
                return .failure(error)
            }
        }
        let source = SIPDestination(transport: .udp, address: SocketAddressKey(address: envelope.remoteAddress))
        transport.value.received(result, from: source)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // ICMP port unreachable and the like: UDP keeps going; the transaction's timers decide.
        transport.value.failed("UDP error \(error)")
    }
}

/// Hands each framed TCP message to the transport layer; the connection is keyed by the peer's address.
final class SIPStreamHandler: ChannelInboundHandler {
    typealias InboundIn = Result<SIPMessage, SIPRejectedMessage>

    private let transport: NIOLoopBound<SIPTransportLayer>

    init(transport: NIOLoopBound<SIPTransportLayer>) { self.transport = transport }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let remote = context.channel.remoteAddress else { return }
        transport.value.received(
            unwrapInboundIn(data), from: SIPDestination(transport: .tcp, address: SocketAddressKey(address: remote)))
    }

    func channelInactive(context: ChannelHandlerContext) {
        if let remote = context.channel.remoteAddress {
            transport.value.connectionClosed(
                SIPDestination(transport: .tcp, address: SocketAddressKey(address: remote)))
        }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        transport.value.failed("TCP error \(error)")
        context.close(promise: nil)
    }
}
