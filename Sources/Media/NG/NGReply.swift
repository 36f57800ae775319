/// rtpengine's answer to a command. `result` is "ok" (or "pong" to a ping); "error" carries a reason.
public struct NGReply: Sendable, Equatable {
    public var body: BencodeValue

    public init(body: BencodeValue) {
        self.body = body
    }

    public var result: String? { body["result"]?.text }
    public var sdp: String? { body["sdp"]?.text }
    public var errorReason: String? { body["error-reason"]?.text }
    public var warning: String? { body["warning"]?.text }

    /// Packets rtpengine has relayed for the call, summed over every stream of every side (from a `query` reply).
    public var relayedPackets: Int64 {
        guard case .dictionary(let tags)? = body["tags"] else { return 0 }
        var total: Int64 = 0
        for tag in tags {
            for media in tag.value["medias"]?.list ?? [] {
                for stream in media["streams"]?.list ?? [] {
                    total += stream["stats"]?["packets"]?.integer ?? 0
                }
            }
        }
        return total
    }
}
