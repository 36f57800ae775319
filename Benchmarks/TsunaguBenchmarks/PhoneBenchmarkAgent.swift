import Foundation
import NIOConcurrencyHelpers
import NIOCore
import WebSocketKit

/// One simulated agent on the phone screen's WebSocket: downloads, presses 開始, and for every answered call talks
/// (for the simulated talk time, scaled like the carrier's), writes a memo (timing its acknowledgement, which the
/// server sends once the memo is committed) and hangs up. Auto-dial moves on by itself. Its callbacks run on its socket's event loop, one at a time.
final class PhoneBenchmarkAgent: @unchecked Sendable {
    let loginID: String
    private let socket: WebSocket
    private let metrics: PhoneBenchmarkMetrics
    /// How long the agent talks on an answered call before the memo and the hang-up.
    private let talk: TimeAmount
    private var nextID = 0
    /// The first state arrived: the screen is open.
    private(set) var ready = false
    private var handledCalls = Set<Double>()
    private var seenCalls = Set<Double>()
    private var memoSent: [Int: (at: UInt64, row: String, no: Int, text: String)] = [:]
    private var rowsByID: [String: Int] = [:]
    private var memoCount = 0
    private(set) var callActive = false
    private(set) var acknowledgedMemos: [String: String] = [:]
    var stopping = false

    /// Opens a phone screen's WebSocket for a signed-in agent.
    static func connect(
        port: Int, cookie: String, loginID: String, group: any EventLoopGroup, metrics: PhoneBenchmarkMetrics,
        talk: TimeAmount
    ) async throws -> PhoneBenchmarkAgent {
        let promise = group.any().makePromise(of: PhoneBenchmarkAgent.self)
        // WebSocketKit sends `Host` without the port, so the same-origin check expects the origin without it.
        try await WebSocket.connect(
            to: "ws://127.0.0.1:\(port)/api/phone/socket", headers: ["Cookie": cookie, "Origin": "http://127.0.0.1"],
            configuration: .init(maxFrameSize: 1 << 24), on: group
        ) { socket in
            promise.succeed(PhoneBenchmarkAgent(loginID: loginID, socket: socket, metrics: metrics, talk: talk))
        }.get()
        return try await promise.futureResult.get()
    }

    init(loginID: String, socket: WebSocket, metrics: PhoneBenchmarkMetrics, talk: TimeAmount) {
        self.loginID = loginID
        self.socket = socket
        self.metrics = metrics
        self.talk = talk
        socket.onText { [weak self] _, text in self?.receive(text) }
    }

    private func send(_ fields: [String: Any]) -> Int {
        nextID += 1
        var message = fields
        message["v"] = 1
        message["id"] = nextID
        if let data = try? JSONSerialization.data(withJSONObject: message) {
            socket.send(String(decoding: data, as: UTF8.self))
        }
        return nextID
    }

    /// Rows on the screen, as the last state said.
    private(set) var rowCount = 0

    /// When ダウンロード was last pressed, and when rows last arrived on the screen (uptime nanoseconds).
    private(set) var downloadPressedAt: UInt64 = 0
    private(set) var rowsArrivedAt: UInt64 = 0

    /// ダウンロード.
    func download() {
        socket.eventLoop.execute {
            self.downloadPressedAt = DispatchTime.now().uptimeNanoseconds
            _ = self.send(["type": "download"])
        }
    }

    /// 開始, within `spread` of the others: a team does not press it in the same millisecond.
    func begin(within spread: TimeAmount) {
        let delay = TimeAmount.nanoseconds(.random(in: 0...max(0, spread.nanoseconds)))
        socket.eventLoop.scheduleTask(in: delay) { _ = self.send(["type": "start"]) }
    }

    func stop() {
        socket.eventLoop.execute {
            self.stopping = true
            _ = self.send(["type": "stop"])
        }
    }

    func close() async {
        try? await socket.close()
    }

    private func receive(_ text: String) {
        guard let message = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
            let type = message["type"] as? String
        else { return }
        switch type {
        case "state": state(message)
        case "ack":
            guard let id = message["id"] as? Int else { return }
            if let sent = memoSent.removeValue(forKey: id) {
                let ok = message["ok"] as? Bool == true
                metrics.recordEdit(nanoseconds: DispatchTime.now().uptimeNanoseconds - sent.at, ok: ok)
                if ok { acknowledgedMemos["\(loginID)#\(sent.no)"] = sent.text }
            }
        default: break
        }
    }

    private func state(_ message: [String: Any]) {
        for row in message["rows"] as? [[String: Any]] ?? [] {
            if let id = row["id"] as? String, let no = row["no"] as? Int { rowsByID[id] = no }
        }
        guard let desk = message["desk"] as? [String: Any] else { return }
        if let count = desk["rowCount"] as? Int {
            if count > rowCount { rowsArrivedAt = DispatchTime.now().uptimeNanoseconds }
            rowCount = count
        }
        if !ready {
            ready = true
            return
        }
        guard let call = desk["call"] as? [String: Any], let startedAt = call["startedAt"] as? Double else {
            callActive = false
            return
        }
        callActive = true
        if seenCalls.insert(startedAt).inserted { metrics.recordDial() }
        guard call["stage"] as? String == "talking", !handledCalls.contains(startedAt), let row = call["row"] as? String
        else { return }
        handledCalls.insert(startedAt)
        // Talk times vary (half to one and a half of the mean), as real conversations do: agents in lockstep would
        // all write at the same instant, which no call centre does.
        let talked = TimeAmount.nanoseconds(Int64(Double(talk.nanoseconds) * .random(in: 0.5...1.5)))
        socket.eventLoop.scheduleTask(in: talked) { self.writeMemoAndHangUp(row: row) }
    }

    private func writeMemoAndHangUp(row: String) {
        memoCount += 1
        let text = "\(loginID) memo \(memoCount)"
        let id = send(["type": "editMemo", "row": row, "text": text])
        memoSent[id] = (DispatchTime.now().uptimeNanoseconds, row, rowsByID[row] ?? 0, text)
        _ = send(["type": "hangUp"])
    }
}

/// Figures shared by every agent.
final class PhoneBenchmarkMetrics: Sendable {
    private struct State {
        var editNanoseconds: [UInt64] = []
        var failedEdits = 0
        var dials = 0
    }

    private let state = NIOLockedValueBox(State())

    func recordEdit(nanoseconds: UInt64, ok: Bool) {
        state.withLockedValue {
            $0.editNanoseconds.append(nanoseconds)
            if !ok { $0.failedEdits += 1 }
        }
    }

    func recordDial() {
        state.withLockedValue { $0.dials += 1 }
    }

    var dials: Int { state.withLockedValue { $0.dials } }
    var failedEdits: Int { state.withLockedValue { $0.failedEdits } }
    var editCount: Int { state.withLockedValue { $0.editNanoseconds.count } }

    func editPercentile(_ fraction: Double) -> Double {
        let sorted = state.withLockedValue { $0.editNanoseconds }.sorted()
        guard !sorted.isEmpty else { return .nan }
        let index = min(sorted.count - 1, Int(Double(sorted.count - 1) * fraction))
        return Double(sorted[index]) / 1e6
    }
}
