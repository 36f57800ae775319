import Foundation
import NIOCore
import NIOPosix
import SIP

/// SIP figures: parser messages/s on one core, and call setup calls/s of our UAC against a SIPp UAS on
/// loopback beside SIPp's own UAC against the same UAS.
enum SIPBenchmark {
    static let sdp =
        "v=0\r\no=tsunagu 2890844526 2890844526 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\nm=audio 49170 RTP/AVP 0 8 101\r\na=sendrecv\r\n"

    static let invite = Array(
        [
            "INVITE sip:0312345678@192.0.2.20:5060;user=phone SIP/2.0",
            "Via: SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bK74bf9f3a1c2d4e5f;rport",
            "Max-Forwards: 70",
            "From: \"Tsunagu\" <sip:0399999999@192.0.2.20>;tag=9fxced76sl",
            "To: <sip:0312345678@192.0.2.20;user=phone>",
            "Call-ID: 3848276298220188511@192.0.2.10",
            "CSeq: 1 INVITE",
            "Contact: <sip:tsunagu@192.0.2.10:5062;transport=udp>",
            "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS",
            "User-Agent: Tsunagu",
            "Content-Type: application/sdp",
            "Content-Length: \(sdp.utf8.count)",
            "",
            sdp,
        ].joined(separator: "\r\n").utf8)

    static let ok = Array(
        [
            "SIP/2.0 200 OK",
            "Via: SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bK74bf9f3a1c2d4e5f;rport=5062;received=192.0.2.10",
            "From: \"Tsunagu\" <sip:0399999999@192.0.2.20>;tag=9fxced76sl",
            "To: <sip:0312345678@192.0.2.20;user=phone>;tag=8321234356",
            "Call-ID: 3848276298220188511@192.0.2.10",
            "CSeq: 1 INVITE",
            "Contact: <sip:0312345678@192.0.2.20:5060>",
            "Content-Length: 0",
            "", "",
        ].joined(separator: "\r\n").utf8)

    /// `parser(iterations:)` on a thread of its own pinned to the last CPU (NIO pins its threads where asked): the
    /// target is per core, and a thread the scheduler moves between cores midway is measured with its caches cold.
    static func parserOnOneCore(iterations: Int) throws -> [String] {
        #if os(Linux)
            let core = max(0, System.coreCount - 1)
            let group = MultiThreadedEventLoopGroup(pinnedCPUIDs: [core])
            defer { try? group.syncShutdownGracefully() }
            return try group.next().submit { parser(iterations: iterations).map { "\($0) (pinned to CPU \(core))" } }
                .wait()
        #else
            return parser(iterations: iterations)
        #endif
    }

    static func parser(iterations: Int) -> [String] {
        precondition((try? SIPMessageParser.parseDatagram(invite)) != nil, "the sample INVITE must parse")
        precondition((try? SIPMessageParser.parseDatagram(ok)) != nil, "the sample 200 OK must parse")
        var lines: [String] = []
        for (name, bytes) in [("INVITE with SDP", invite), ("200 OK", ok)] {
            var best = Double.infinity
            var checksum = 0
            for _ in 0..<3 {
                let start = DispatchTime.now().uptimeNanoseconds
                bytes.withUnsafeBytes { raw in
                    for _ in 0..<iterations {
                        if let message = try? SIPMessageParser.parseDatagram(raw) { checksum &+= message.headers.count }
                    }
                }
                best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            }
            let rate = Double(iterations) / best
            lines.append(
                "sip parser, \(name) (\(bytes.count) bytes): \(Int(rate)) messages/s, \(String(format: "%.2f", best / Double(iterations) * 1e6)) µs each (checksum \(checksum)) — target ≥ 1,000,000"
            )
        }
        return lines
    }

    /// The CPU time the calling thread has used, in seconds.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// The CPU time the whole process has used, in seconds (the event loop, Swift's task threads and the rest).
    static func processCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    struct CallRun {
        var seconds: Double
        var failed: Int
        var loopCPUSeconds: Double
        var processCPUSeconds: Double
    }

    /// How the benchmark asks for calls: from Swift tasks through the async API (as `SIPTrunk` does, one task per
    /// call in flight), or from the agent's event loop through `syncOperations` (a dialer that places the next
    /// call and hangs up in its `report`, the way SIPp's own engine runs).
    enum Driver: String {
        case tasks = "driven from Swift tasks"
        case eventLoop = "driven on its event loop"
    }

    static func callParameters(port: Int, localPort: Int) -> OutboundCallParameters {
        OutboundCallParameters(
            target: SIPURI(user: "0312345678", host: "127.0.0.1", port: port),
            from: SIPNameAddress(uri: SIPURI(user: "0399999999", host: "127.0.0.1")),
            contact: SIPURI(user: "tsunagu", host: "127.0.0.1", port: localPort),
            via: .init(transport: "UDP", host: "127.0.0.1", port: localPort), credentials: nil,
            offer: Array(
                "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\n"
                    .utf8),
            ringTimeout: .seconds(30))
    }

    /// Our UAC: `calls` calls, at most `concurrency` at once, each answered by SIPp and hung up at once.
    static func ourCalls(port: Int, calls: Int, concurrency: Int, driver: Driver) async throws -> CallRun {
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let agent = SIPUserAgent(eventLoop: loop)
        let local = try await agent.start()
        let peer = SIPUserAgent.Peer(host: "127.0.0.1", port: port)
        let parameters = callParameters(port: port, localPort: local.port!)
        let loopCPUStart = try await loop.submit { threadCPUSeconds() }.get()
        let processCPUStart = processCPUSeconds()
        let start = DispatchTime.now().uptimeNanoseconds
        let failed =
            switch driver {
            case .tasks:
                try await callsFromTasks(
                    agent: agent, parameters: parameters, peer: peer, calls: calls, concurrency: concurrency)
            case .eventLoop:
                try await LoopDialer.run(
                    agent: agent, parameters: parameters, peer: peer, calls: calls, concurrency: concurrency)
            }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let processCPU = processCPUSeconds() - processCPUStart
        let loopCPU = try await loop.submit { threadCPUSeconds() }.get() - loopCPUStart
        await agent.shutdown()
        return CallRun(seconds: seconds, failed: failed, loopCPUSeconds: loopCPU, processCPUSeconds: processCPU)
    }

    static func callsFromTasks(
        agent: SIPUserAgent, parameters: OutboundCallParameters, peer: SIPUserAgent.Peer, calls: Int,
        concurrency: Int
    ) async throws -> Int {
        try await withThrowingTaskGroup(of: Int.self) { group in
            for worker in 0..<concurrency {
                group.addTask {
                    var index = worker
                    var failures = 0
                    while index < calls {
                        let ended = AsyncStream<Bool>.makeStream()
                        let callID = try await agent.placeCall(parameters, via: peer) { progress in
                            switch progress {
                            case .answered: ended.continuation.yield(true)
                            case .ended: ended.continuation.yield(false)
                            default: break
                            }
                        }
                        var iterator = ended.stream.makeAsyncIterator()
                        if await iterator.next() == true {
                            await agent.hangUp(callID: callID)
                        } else {
                            failures += 1
                        }
                        index += concurrency
                    }
                    return failures
                }
            }
            return try await group.reduce(0, +)
        }
    }

    /// - Parameter rounds: ours (each way) and SIPp's UAC are run this many times, taking turns, and compared by
    ///   their medians: one run of a second on a shared machine swings by ±10 %.
    static func run(calls: Int, concurrency: Int, rounds: Int) async throws {
        for line in try parserOnOneCore(iterations: 200_000) { report(line) }
        let port = Int.random(in: 40_000...44_999)
        let uas = Process()
        uas.executableURL = URL(fileURLWithPath: "/usr/bin/sipp")
        // No cap on simultaneous calls: each call lingers 4 s in the built-in UAS (its timewait).
        uas.arguments = [
            "-sn", "uas", "-i", "127.0.0.1", "-p", String(port), "-nostdin", "-bg", "-l", "1000000", "-buff_size",
            "4194304",
        ]
        uas.standardOutput = FileHandle.nullDevice
        uas.standardError = FileHandle.nullDevice
        try uas.run()
        try await Task.sleep(for: .milliseconds(500))
        // SIPp ignores SIGTERM in the background (-bg): it is stopped with SIGKILL.
        defer {
            _ = try? Process.run(
                URL(fileURLWithPath: "/usr/bin/pkill"), arguments: ["-9", "-f", "sipp -sn uas -i 127.0.0.1 -p \(port)"])
        }
        _ = try await ourCalls(port: port, calls: 200, concurrency: 50, driver: .tasks)
        // BENCH_SIP_DRIVER=eventLoop (or tasks) measures one way only, for a profile.
        let drivers =
            ProcessInfo.processInfo.environment["BENCH_SIP_DRIVER"].flatMap { only in
                [Driver.tasks, .eventLoop].filter { "\($0)" == only }
            } ?? [.tasks, .eventLoop]
        var ourRates: [Driver: [Double]] = [:]
        var failedRounds: Set<Driver> = []
        var sippRates: [Double] = []
        for round in 1...rounds {
            for driver in drivers {
                let ours = try await ourCalls(port: port, calls: calls, concurrency: concurrency, driver: driver)
                let rate = Double(calls - ours.failed) / ours.seconds
                ourRates[driver, default: []].append(rate)
                if ours.failed > 0 { failedRounds.insert(driver) }
                report(
                    "sip calls \(round)/\(rounds), our UAC \(driver.rawValue): \(Int(rate)) calls/s (\(calls) calls, \(concurrency) at once, \(ours.failed) failed, \(String(format: "%.2f", ours.seconds)) s); CPU per call: event loop \(String(format: "%.1f", ours.loopCPUSeconds / Double(calls) * 1e6)) µs (busy \(Int(ours.loopCPUSeconds / ours.seconds * 100)) %), whole process \(String(format: "%.1f", ours.processCPUSeconds / Double(calls) * 1e6)) µs"
                )
            }
            let sipp = try await sippCalls(port: port, calls: calls, concurrency: concurrency)
            sippRates.append(sipp.rate)
            report(
                "sip calls \(round)/\(rounds), SIPp's UAC: \(Int(sipp.rate)) calls/s \(sipp.isOwnCount ? "by its own count (\(Int(sipp.clockRate)) by the clock, with its start-up)" : "by the clock") (\(calls) calls, \(concurrency) at once, exit \(sipp.exitStatus), \(String(format: "%.2f", sipp.seconds)) s)"
            )
        }
        var bestMedian = 0.0
        for driver in drivers {
            let rates = ourRates[driver] ?? []
            if !failedRounds.contains(driver) { bestMedian = max(bestMedian, median(rates)) }
            report(
                "sip calls, our UAC \(driver.rawValue): median \(Int(median(rates))) calls/s over \(rounds) rounds (\(Int(rates.min() ?? 0))–\(Int(rates.max() ?? 0)))\(failedRounds.contains(driver) ? ", with failed calls" : "")"
            )
        }
        let sippMedian = median(sippRates)
        report(
            "sip calls, SIPp's UAC: median \(Int(sippMedian)) calls/s over \(rounds) rounds (\(Int(sippRates.min() ?? 0))–\(Int(sippRates.max() ?? 0)))"
        )
        report(
            "sip calls, ours (the faster way, no failed calls) / SIPp's, medians: \(String(format: "%.2f", bestMedian / sippMedian)) — target ≥ 1"
        )
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted.count % 2 == 1
            ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    /// SIPp's UAC against the same UAS, as fast as it goes: the same number of calls, the same concurrency cap.
    static func sippCalls(port: Int, calls: Int, concurrency: Int) async throws -> (
        rate: Double, isOwnCount: Bool, clockRate: Double, seconds: Double, exitStatus: Int32
    ) {
        let statisticsFile = FileManager.default.temporaryDirectory.appendingPathComponent("sipp-bench-\(port).csv")
        try? FileManager.default.removeItem(at: statisticsFile)
        defer { try? FileManager.default.removeItem(at: statisticsFile) }
        let uac = Process()
        uac.executableURL = URL(fileURLWithPath: "/usr/bin/sipp")
        uac.arguments = [
            "-sn", "uac", "127.0.0.1:\(port)", "-i", "127.0.0.1", "-p", String(port + 1), "-m", String(calls),
            "-r", "100000", "-l", String(concurrency), "-nostdin", "-buff_size", "4194304", "-trace_stat", "-fd", "1",
            "-stf", statisticsFile.path,
        ]
        uac.standardOutput = FileHandle.nullDevice
        uac.standardError = FileHandle.nullDevice
        uac.currentDirectoryURL = FileManager.default.temporaryDirectory
        let uacStart = DispatchTime.now().uptimeNanoseconds
        try uac.run()
        while uac.isRunning { try await Task.sleep(for: .milliseconds(5)) }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - uacStart) / 1e9
        let clockRate = Double(calls) / seconds
        // SIPp's own count, from its start to its last call, leaves out its process start-up, as ours leaves out the
        // agent's: the fairer and stricter figure to compare with. The clock's is the fallback.
        let ownRate = sippCumulativeCallRate(statisticsFile: statisticsFile)
        return (ownRate ?? clockRate, ownRate != nil, clockRate, seconds, uac.terminationStatus)
    }

    /// `CallRate(C)` of the last line of SIPp's statistics file (`-stf`): calls per second since SIPp started.
    static func sippCumulativeCallRate(statisticsFile: URL) -> Double? {
        guard let text = try? String(contentsOf: statisticsFile, encoding: .utf8) else { return nil }
        let lines = text.split(whereSeparator: \.isNewline)
        guard let header = lines.first?.split(separator: ";", omittingEmptySubsequences: false),
            let column = header.firstIndex(of: "CallRate(C)"), let last = lines.last, last != lines.first
        else { return nil }
        let fields = last.split(separator: ";", omittingEmptySubsequences: false)
        return column < fields.count ? Double(fields[column]) : nil
    }
}
