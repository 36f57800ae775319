import Foundation
import TsunaguCore

// Prints the foundation's figures. Run in a release build: `swift run -c release TsunaguBenchmarks`.
// Targets: CSV parse >= 300,000 rows/s, import >= 50,000 rows/s; 架電禁止リスト import >= 100,000 rows/s and the
// dial's check p99 < 1 ms at a million numbers; phone screen with 500 agents: edit to commit p99 < 50 ms, server
// memory < 500 MB, nothing lost or duplicated.

let arguments = CommandLine.arguments
let rowCount = arguments.dropFirst().first.flatMap(Int.init) ?? 100_000
/// `agentdesk`, `csv`, `import`, `dnc`, `phone`, `download`, `lists`, `sip` or `sip-parser` to run one part only; all by
/// default.
let only = arguments.count > 2 ? arguments[2] : nil
func runs(_ part: String) -> Bool { only == nil || only == part }

/// Writes a line at once (unbuffered), so figures are not lost if a later step fails.
func report(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

func measure(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func format(_ value: Double) -> String {
    let formatter = NumberFormatter()
    formatter.numberStyle = .decimal
    formatter.maximumFractionDigits = 0
    return formatter.string(from: NSNumber(value: value)) ?? "\(value)"
}

report("Tsunagu benchmarks (\(ProcessInfo.processInfo.activeProcessorCount) cores)")

// 1. AgentDesk: an agent auto-dialling 500 rows, editing as it goes.
if runs("agentdesk") {
    let rows = (0..<500).map { index in
        AgentDeskRow(
            id: UUID(), company: "株式会社\(index)", phone: "03-0000-\(index)", dialNumber: "+81300000\(index)")
    }
    var desk = AgentDesk(rows: rows)
    var now = Date(timeIntervalSince1970: 1_800_000_000)
    var events = 0
    let seconds = measure {
        while events < 3_000_000 {
            now += 1
            if let call = desk.activeCall {
                let answered = call.id.rawValue % 3 == 0
                _ = desk.handle(.callRinging(call.id), now: now)
                if answered {
                    _ = desk.handle(.callAnswered(call.id), now: now)
                    _ = desk.handle(.memoEdited(call.row!, "資料送付希望"), now: now)
                    _ = desk.handle(.callEnded(call.id, .afterAnswer), now: now)
                    _ = desk.handle(.prospectSet(call.row!, true), now: now)
                    _ = desk.handle(.dialPressed, now: now)
                    events += 6
                } else {
                    _ = desk.handle(.callEnded(call.id, .unanswered(.noAnswer)), now: now)
                    events += 2
                }
            } else {
                desk = AgentDesk(rows: rows)
                _ = desk.handle(.startPressed, now: now)
                events += 1
            }
        }
    }
    report(
        "agentdesk: \(format(Double(events) / seconds)) events/s (\(format(Double(events))) events in \(String(format: "%.2f", seconds)) s)"
    )
}

// 2. CSV: a generated CP932 customer file, as Excel writes it.
var parsed: CustomerCSVImport?
if runs("csv") || runs("import") {
    let csv = SampleCustomerFile.cp932(rows: rowCount)
    var best = Double.infinity
    for _ in 0..<(runs("csv") ? 3 : 1) {
        best = min(best, measure { parsed = try? CustomerCSVImport.read(csv).get() })
    }
    let result = parsed!
    if let problem = result.problems.first { report("sample file problem: \(problem.explanation.en)") }
    report("rows read: \(result.rows.count), problems: \(result.problems.count)")
    precondition(result.rows.count == rowCount && result.problems.isEmpty, "the sample file must read cleanly")
    let megabytes = Double(csv.count) / 1_048_576
    report(
        "csv parse: \(format(Double(rowCount) / best)) rows/s (\(format(Double(rowCount))) rows, \(String(format: "%.1f", megabytes)) MB CP932, best of 3: \(String(format: "%.3f", best)) s) — target ≥ 300,000"
    )
}

// 3. Import: those customers into a fresh SQLite file through the server's own import path.
if runs("import") {
    let seconds = try await ImportBenchmark.run(drafts: parsed!.rows.map(\.customer))
    report(
        "import: \(format(Double(rowCount) / seconds)) rows/s (\(format(Double(rowCount))) customers into SQLite in \(String(format: "%.2f", seconds)) s) — target ≥ 50,000"
    )
}

// 3a. The 架電禁止リスト: a million numbers imported (BENCH_DNC_NUMBERS), then the check right before a dial.
if runs("dnc") {
    let count = ProcessInfo.processInfo.environment["BENCH_DNC_NUMBERS"].flatMap(Int.init) ?? 1_000_000
    let figures = try await DoNotCallBenchmark.run(count: count)
    report(
        "dnc parse: \(format(Double(count) / figures.parseSeconds)) rows/s (\(format(Double(count))) numbers, CP932, \(String(format: "%.2f", figures.parseSeconds)) s)"
    )
    report(
        "dnc import: \(format(Double(figures.inserted) / figures.importSeconds)) rows/s (\(format(Double(figures.inserted))) numbers into SQLite in \(String(format: "%.2f", figures.importSeconds)) s) — target ≥ 100,000"
    )
    let checks = figures.checks
    func percentile(_ p: Double) -> Double { checks[min(checks.count - 1, Int(Double(checks.count) * p))] }
    report(
        "dnc check (isBarred(number:) on \(format(Double(figures.inserted))) bars, \(format(Double(checks.count))) checks, \(format(Double(figures.barredFound))) barred): p50 \(String(format: "%.0f", percentile(0.5))) µs, p99 \(String(format: "%.0f", percentile(0.99))) µs — target p99 < 1 ms"
    )
}

// 4. The phone screen: a real server and many agents on WebSockets (BENCH_AGENTS, BENCH_SECONDS, BENCH_TIME_SCALE,
// BENCH_TALK_SECONDS; BENCH_INSTANCES servers on BENCH_DATABASE_URL).
if runs("phone") {
    let environment = ProcessInfo.processInfo.environment
    try await PhoneBenchmark(
        agents: environment["BENCH_AGENTS"].flatMap(Int.init) ?? 500,
        seconds: environment["BENCH_SECONDS"].flatMap(Double.init) ?? 300,
        timeScale: environment["BENCH_TIME_SCALE"].flatMap(Double.init) ?? 20,
        rowsPerAgent: environment["BENCH_ROWS_PER_AGENT"].flatMap(Int.init) ?? 200,
        talkSeconds: environment["BENCH_TALK_SECONDS"].flatMap(Double.init) ?? 60,
        boards: environment["BENCH_BOARDS"].flatMap(Int.init) ?? 0,
        instances: environment["BENCH_INSTANCES"].flatMap(Int.init) ?? 1
    ).run()
}

// 4a. ダウンロード at the start of a shift: BENCH_AGENTS (500) agents at once in a tenant of BENCH_CUSTOMERS (1M)
// customers on one pooled list (BENCH_DOWNLOAD_DIRECTORY keeps the seeded database).
if runs("download") {
    let environment = ProcessInfo.processInfo.environment
    try await DownloadBenchmark(
        customers: environment["BENCH_CUSTOMERS"].flatMap(Int.init) ?? 1_000_000,
        agents: environment["BENCH_AGENTS"].flatMap(Int.init) ?? 500,
        calls: environment["BENCH_CALLS"].flatMap(Int.init) ?? 1_000_000
    ).run()
}

// 5. 顧客一覧, 通話一覧 and the CSV download on a large tenant (BENCH_CUSTOMERS, BENCH_CALLS; BENCH_LISTS_DIRECTORY
// keeps the seeded database for later runs, one folder per size).
if runs("lists") || only == "reports" {
    let environment = ProcessInfo.processInfo.environment
    try await ListsBenchmark(
        customers: environment["BENCH_CUSTOMERS"].flatMap(Int.init) ?? 1_000_000,
        calls: environment["BENCH_CALLS"].flatMap(Int.init) ?? 3_000_000, reportsOnly: only == "reports"
    ).run()
}

// 6. SIP: parser messages/s and call setup against SIPp (BENCH_SIP_CALLS, BENCH_SIP_CONCURRENCY).
if runs("sip") {
    let environment = ProcessInfo.processInfo.environment
    try await SIPBenchmark.run(
        calls: environment["BENCH_SIP_CALLS"].flatMap(Int.init) ?? 20_000,
        concurrency: environment["BENCH_SIP_CONCURRENCY"].flatMap(Int.init) ?? 200,
        rounds: max(1, environment["BENCH_SIP_ROUNDS"].flatMap(Int.init) ?? 3))
}

// 6a. The SIP parser alone (`sip-parser`), without SIPp.
if only == "sip-parser" {
    for line in try SIPBenchmark.parserOnOneCore(iterations: 200_000) { report(line) }
}
