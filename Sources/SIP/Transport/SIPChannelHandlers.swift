import NIOCore

/// Hands each UDP datagram to the user agent, on the event loop the agent lives on.
final class SIPDatagramHandler: ChannelInboundHandler {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>

    private let core: NIOLoopBound<SIPUserAgentCore>

    init(core: NIOLoopBound<SIPUserAgentCore>) { self.core = core }

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
        core.value.received(result, from: source)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // ICMP port unreachable and the like: UDP keeps going; the transaction's timers decide.
        core.value.logDrop("UDP error \(error)", from: nil)
    }
}

/// Hands each framed TCP message to the user agent; the connection is keyed by the peer's address.
final class SIPStreamHandler: ChannelInboundHandler {
    typealias InboundIn = Result<SIPMessage, SIPRejectedMessage>

    private let core: NIOLoopBound<SIPUserAgentCore>

    init(core: NIOLoopBound<SIPUserAgentCore>) { self.core = core }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let remote = context.channel.remoteAddress else { return }
        core.value.received(
            unwrapInboundIn(data), from: SIPDestination(transport: .tcp, address: SocketAddressKey(address: remote)))
    }

    func channelInactive(context: ChannelHandlerContext) {
        if let remote = context.channel.remoteAddress {
            core.value.connectionClosed(SIPDestination(transport: .tcp, address: SocketAddressKey(address: remote)))
        }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        core.value.logDrop("TCP error \(error)", from: nil)
        context.close(promise: nil)
    }
}
