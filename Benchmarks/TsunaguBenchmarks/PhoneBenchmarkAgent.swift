import Foundation
import NIOConcurrencyHelpers
import NIOCore
import WebSocketKit

/// One simulated agent on the phone screen's WebSocket: downloads, presses 開始, and for every answered call writes
/// a memo (timing its acknowledgement, which the server sends once the memo is committed) and hangs up. Auto-dial
/// moves on by itself. Its callbacks run on its socket's event loop, one at a time.
final class PhoneBenchmarkAgent: @unchecked Sendable {
    let loginID: String
    private let socket: WebSocket
    private let metrics: PhoneBenchmarkMetrics
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

    init(loginID: String, socket: WebSocket, metrics: PhoneBenchmarkMetrics) {
        self.loginID = loginID
        self.socket = socket
        self.metrics = metrics
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

    /// ダウンロード.
    func download() {
        socket.eventLoop.execute { _ = self.send(["type": "download"]) }
    }

    /// 開始.
    func begin() {
        socket.eventLoop.execute { _ = self.send(["type": "start"]) }
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
        if let count = desk["rowCount"] as? Int { rowCount = count }
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
        guard call["stage"] as? String == "talking", !handledCalls.contains(startedAt), let row = call["row"] as? String else { return }
        handledCalls.insert(startedAt)
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
