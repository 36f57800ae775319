import Foundation
import Synchronization

/// The bus within one server process: each subscriber gets its own buffered stream.
final class LocalFloorEventBus: FloorEventBus {
    private let subscribers = Mutex<[UUID: AsyncStream<FloorEvent>.Continuation]>([:])

    /// Events waiting per subscriber before the oldest are dropped. A subscriber this far behind reads its board
    /// again anyway, and a bounded buffer keeps a stalled one from growing without end.
    static let bufferSize = 10_000

    func publish(_ event: FloorEvent) {
        for continuation in subscribers.withLock({ Array($0.values) }) { continuation.yield(event) }
    }

    /// One instance in one process: there are no others.
    func subscribeToOtherInstances() -> AsyncStream<FloorEvent> {
        AsyncStream { _ in }
    }

    func subscribe() -> AsyncStream<FloorEvent> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<FloorEvent>.makeStream(
            bufferingPolicy: .bufferingNewest(Self.bufferSize))
        continuation.onTermination = { [weak self] _ in
            _ = self?.subscribers.withLock { $0.removeValue(forKey: id) }
        }
        subscribers.withLock { $0[id] = continuation }
        return stream
    }
}
