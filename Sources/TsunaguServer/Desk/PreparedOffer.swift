import Foundation
import Synchronization

/// The latest WebRTC offer a screen prepared, taken by the next call. A call that finds none waits for the next
/// one to arrive (resumed by `put`, no polling), but only so long.
final class PreparedOffer: Sendable {
    typealias Offer = (sdp: String, client: UUID)

    private enum State {
        case empty
        case ready(Offer)
        case waiting(CheckedContinuation<Offer?, Never>)
    }

    private let state = Mutex(State.empty)

    /// A screen's new offer: handed to the call waiting for one, or kept for the next call.
    func put(_ sdp: String, from client: UUID) {
        let waiter: CheckedContinuation<Offer?, Never>? = state.withLock { state in
            if case .waiting(let continuation) = state {
                state = .empty
                return continuation
            }
            state = .ready((sdp, client))
            return nil
        }
        waiter?.resume(returning: (sdp, client))
    }

    /// The offer kept for the next call, if there is one.
    func take() -> Offer? {
        state.withLock { state in
            guard case .ready(let offer) = state else { return nil }
            state = .empty
            return offer
        }
    }

    /// The kept offer, or the next one put within `timeout`; nil when none comes. One call waits at a time (the
    /// session places its calls one after another).
    func next(within timeout: Duration) async -> Offer? {
        if let offer = take() { return offer }
        return await withTaskGroup(of: Offer?.self) { race in
            race.addTask { await self.waitForPut() }
            race.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            let first = await race.next() ?? nil
            race.cancelAll()
            return first
        }
    }

    private func waitForPut() async -> Offer? {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Offer?, Never>) in
                let ready: Offer?? = state.withLock { state in
                    if case .ready(let offer) = state {
                        state = .empty
                        return .some(offer)
                    }
                    // Not expected (one call waits at a time): an earlier waiter gives up to this one.
                    if case .waiting(let earlier) = state { earlier.resume(returning: nil) }
                    // Checked under the lock: either this sees the cancellation or the handler sees the waiter.
                    if Task.isCancelled {
                        state = .empty
                        return .some(nil)
                    }
                    state = .waiting(continuation)
                    return nil
                }
                if let ready { continuation.resume(returning: ready) }
            }
        } onCancel: {
            let waiter: CheckedContinuation<Offer?, Never>? = state.withLock { state in
                guard case .waiting(let continuation) = state else { return nil }
                state = .empty
                return continuation
            }
            waiter?.resume(returning: nil)
        }
    }
}
