/// The one media job Tsunagu has: the agent's browser speaks WebRTC (ICE, DTLS-SRTP, Opus), the trunk speaks plain
/// RTP with G.711, and rtpengine sits between them. Tsunagu only passes SDP through it; audio never touches Tsunagu.
public struct WebRTCMediaBridge: Sendable {
    public let client: NGClient
    public var toTrunk: NGMediaOptions
    public var toBrowser: NGMediaOptions

    public init(
        client: NGClient, toTrunk: NGMediaOptions = .webRTCToPlainRTP,
        toBrowser: NGMediaOptions = .plainRTPAnswerToWebRTC
    ) {
        self.client = client
        self.toTrunk = toTrunk
        self.toBrowser = toBrowser
    }

    /// The browser's offer, rewritten as the INVITE's plain-RTP offer.
    public func trunkOffer(browserOffer sdp: String, callID: String, fromTag: String) async throws -> String {
        let reply = try await client.send(.offer(callID: callID, fromTag: fromTag, sdp: sdp, options: toTrunk))
        guard let rewritten = reply.sdp else {
            throw NGClientError(.malformedReply, command: "offer", detail: "reply without SDP")
        }
        return rewritten
    }

    /// The trunk's answer (from a 183 or the 200), rewritten for the browser's peer connection.
    public func browserAnswer(trunkAnswer sdp: String, callID: String, fromTag: String, toTag: String) async throws
        -> String
    {
        let reply = try await client.send(
            .answer(callID: callID, fromTag: fromTag, toTag: toTag, sdp: sdp, options: toBrowser))
        guard let rewritten = reply.sdp else {
            throw NGClientError(.malformedReply, command: "answer", detail: "reply without SDP")
        }
        return rewritten
    }

    /// Ends the call's media. A call rtpengine no longer knows counts as ended.
    public func end(callID: String) async throws {
        do {
            _ = try await client.send(.delete(callID: callID, fromTag: nil))
        } catch let error as NGClientError where error.isUnknownCall {
            return
        }
    }

    /// rtpengine's view of the call, or nil when it has none.
    public func query(callID: String) async throws -> NGReply? {
        do {
            return try await client.send(.query(callID: callID))
        } catch let error as NGClientError where error.isUnknownCall {
            return nil
        }
    }
}

extension NGClientError {
    /// rtpengine's answer for a call-id it has no session for (never created, or already deleted).
    public var isUnknownCall: Bool { code == .rejected && detail.lowercased().contains("unknown call") }
}
