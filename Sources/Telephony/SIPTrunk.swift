import Foundation
import SIP
import TsunaguCore

/// The `sip` provider: each tenant's calls go out through its own SIP trunk, placed by Tsunagu's SIP user agent.
/// Outcomes come from the trunk's signalling; the lamp follows the trunk's answers to OPTIONS.
public actor SIPTrunk: Telephony {
    public typealias TrunkLookup = @Sendable (UUID) async -> SIPTrunkSettings?

    private let agent: SIPUserAgent
    private let trunks: TrunkLookup
    /// Calls being handed to the agent, and those of them the agent already hung up.
    private var placing: Set<UUID> = []
    private var hungUpWhilePlacing: Set<UUID> = []
    private var health: [UUID: (checked: ContinuousClock.Instant, reachable: Bool)] = [:]
    private let clock = ContinuousClock()

    public init(agent: SIPUserAgent, trunks: @escaping TrunkLookup) {
        self.agent = agent
        self.trunks = trunks
    }

    public func placeCall(_ request: CallRequest, report: @escaping @Sendable (CallProgress) -> Void) async {
        guard let settings = await trunks(request.tenantID) else {
            report(.ended(.unanswered(.failed)))
            return
        }
        placing.insert(request.id)
        defer {
            placing.remove(request.id)
            hungUpWhilePlacing.remove(request.id)
        }
        let peer = Self.peer(settings)
        do {
            let local = try await agent.localContactAddress(for: peer)
            let parameters = OutboundCallParameters(
                target: SIPURI(user: settings.dialString(request.number), host: settings.host, port: settings.port),
                from: SIPNameAddress(
                    uri: SIPURI(user: settings.callerID, host: settings.fromDomain.isEmpty ? settings.host : settings.fromDomain)),
                contact: SIPURI(user: "tsunagu", host: local.host, port: local.port),
                via: .init(transport: peer.transport.rawValue, host: local.host, port: local.port),
                credentials: settings.authUser.isEmpty
                    ? nil : SIPCredentials(username: settings.authUser, password: settings.password),
                offer: nil, ringTimeout: .seconds(request.ringTimeoutSeconds))
            let sipCallID = try await agent.placeCall(parameters, via: peer, callID: Self.sipCallID(request.id)) {
                progress in
                switch progress {
                case .ringing: report(.ringing)
                case .earlyMedia: break
                case .answered: report(.answered)
                case .ended(let ending):
                    report(.ended(SIPCallOutcome.ending(ending)))
                }
            }
            if hungUpWhilePlacing.contains(request.id) { await agent.hangUp(callID: sipCallID) }
        } catch {
            report(.ended(.unanswered(.failed)))
        }
    }

    public func hangUp(_ call: UUID) async {
        if placing.contains(call) { hungUpWhilePlacing.insert(call) }
        await agent.hangUp(callID: Self.sipCallID(call))
    }

    /// The Call-ID is the call attempt's id, so the two can be matched in logs and traces.
    static func sipCallID(_ id: UUID) -> String { id.uuidString.lowercased() + "@tsunagu" }

    /// Green when the trunk answered an OPTIONS in the last 30 s (any final response counts, RFC 3261 §11).
    public func readiness(tenantID: UUID) async -> TelephonyReadiness {
        guard let settings = await trunks(tenantID) else {
            return TelephonyReadiness(
                isReady: false,
                reason: LocalizedText(ja: "SIPトランクが設定されていません。", en: "No SIP trunk is configured."))
        }
        if let last = health[tenantID], clock.now - last.checked < .seconds(30) {
            return last.reachable ? .ready : Self.unreachable
        }
        let reachable = await ping(settings)
        health[tenantID] = (clock.now, reachable)
        return reachable ? .ready : Self.unreachable
    }

    private func ping(_ settings: SIPTrunkSettings) async -> Bool {
        let from = SIPURI(user: settings.callerID, host: settings.fromDomain.isEmpty ? settings.host : settings.fromDomain)
        return (try? await agent.ping(Self.peer(settings), from: from)) != nil
    }

    private static let unreachable = TelephonyReadiness(
        isReady: false, reason: LocalizedText(ja: "SIPトランクが応答しません。", en: "The SIP trunk does not answer."))

    private static func peer(_ settings: SIPTrunkSettings) -> SIPUserAgent.Peer {
        SIPUserAgent.Peer(
            host: settings.host, port: settings.port, transport: settings.transport.lowercased() == "tcp" ? .tcp : .udp)
    }
}
