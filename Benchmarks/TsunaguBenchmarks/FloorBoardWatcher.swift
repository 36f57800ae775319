import Foundation
import NIOConcurrencyHelpers
import NIOCore
import WebSocketKit

/// A manager's 稼働状況 board on its WebSocket, as the browser opens it: for every agent row whose state changed
/// (a new `since`), the delay from the change (dated by the server) to this board receiving it.
final class FloorBoardWatcher: Sendable {
    private let delays = NIOLockedValueBox<[Double]>([])
    private let seen = NIOLockedValueBox<[String: String]>([:])
    private let socket: WebSocket

    static func connect(port: Int, cookie: String, group: any EventLoopGroup) async throws -> FloorBoardWatcher {
        let promise = group.any().makePromise(of: FloorBoardWatcher.self)
        try await WebSocket.connect(
            to: "ws://127.0.0.1:\(port)/api/v1/floor/socket",
            headers: ["Cookie": cookie, "Origin": "http://127.0.0.1"],
            configuration: .init(maxFrameSize: 1 << 26), on: group
        ) { socket in
            promise.succeed(FloorBoardWatcher(socket: socket))
        }.get()
        return try await promise.futureResult.get()
    }

    private init(socket: WebSocket) {
        self.socket = socket
        socket.onText { [weak self] _, text in self?.receive(text) }
    }

    private func receive(_ text: String) {
        let received = Date()
        guard let message = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { return }
        let isSnapshot = message["type"] as? String == "snapshot"
        let body = (message["snapshot"] ?? message["update"]) as? [String: Any]
        let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        var measured: [Double] = []
        seen.withLockedValue { seen in
            for row in body?["agents"] as? [[String: Any]] ?? [] {
                guard let id = row["id"] as? String, let since = row["since"] as? String else { continue }
                let known = seen[id]
                seen[id] = since
                // A snapshot repeats states already shown; an update's new `since` is a state change.
                guard !isSnapshot, known != since, let date = try? Date(since, strategy: style) else { continue }
                measured.append(received.timeIntervalSince(date) * 1000)
            }
        }
        if !measured.isEmpty { delays.withLockedValue { $0 += measured } }
    }

    /// Milliseconds from each state change to this board.
    var changeDelays: [Double] { delays.withLockedValue { $0 } }

    func close() async {
        try? await socket.close()
    }
}
