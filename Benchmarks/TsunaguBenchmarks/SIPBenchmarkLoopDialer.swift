import NIOCore
import SIP

/// Keeps `concurrency` calls in flight from the agent's own event loop: hangs up on `.answered` and places the next
/// call on `.ended`, with no other thread involved.
final class LoopDialer {
    private let agent: SIPUserAgent
    private let parameters: OutboundCallParameters
    private let peer: SIPUserAgent.Peer
    private let calls: Int
    private let done: EventLoopPromise<Int>
    private var placed = 0
    private var ended = 0
    private var failed = 0

    private init(
        agent: SIPUserAgent, parameters: OutboundCallParameters, peer: SIPUserAgent.Peer, calls: Int,
        done: EventLoopPromise<Int>
    ) {
        self.agent = agent
        self.parameters = parameters
        self.peer = peer
        self.calls = calls
        self.done = done
    }

    /// Returns the number of calls that ended without an answer.
    static func run(
        agent: SIPUserAgent, parameters: OutboundCallParameters, peer: SIPUserAgent.Peer, calls: Int,
        concurrency: Int
    ) async throws -> Int {
        let loop = agent.eventLoop
        return try await loop.flatSubmit {
            let dialer = LoopDialer(
                agent: agent, parameters: parameters, peer: peer, calls: calls, done: loop.makePromise())
            for _ in 0..<min(concurrency, calls) { dialer.placeNext() }
            return dialer.done.futureResult
        }.get()
    }

    private func placeNext() {
        guard placed < calls else { return }
        placed += 1
        let callID = agent.newCallID
        let dialer = NIOLoopBound(self, eventLoop: agent.eventLoop)
        do {
            try agent.syncOperations.placeCall(parameters, via: peer, callID: callID) { progress in
                dialer.value.progress(progress, callID: callID)
            }
        } catch {
            done.fail(error)
        }
    }

    private func progress(_ progress: OutboundCallProgress, callID: String) {
        switch progress {
        case .answered:
            agent.syncOperations.hangUp(callID: callID)
        case .ended(let ending):
            ended += 1
            if !ending.wasAnswered { failed += 1 }
            if ended == calls { done.succeed(failed) } else { placeNext() }
        default:
            break
        }
    }
}
