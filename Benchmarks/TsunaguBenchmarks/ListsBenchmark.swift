import Foundation

/// The lists figures on a real server: 顧客一覧 and 通話一覧 with each filter (p95 of repeated requests, target
/// < 100 ms), a 100,000-row import (target < 10 s), and the CSV download of every customer (target ≥ 100,000
/// rows/s with flat memory).
struct ListsBenchmark {
    var customers: Int
    var calls: Int
    var repeats = 20
    /// Only the reports (`reports` part): レポート over the seeded calls.
    var reportsOnly = false

    func run() async throws {
        // BENCH_LISTS_DIRECTORY keeps the seeded database for the next run (seeding a million customers and three
        // million calls takes minutes); without it the folder is temporary.
        let kept = ProcessInfo.processInfo.environment["BENCH_LISTS_DIRECTORY"]
        let folder =
            kept
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("tsunagu-lists-bench-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { if kept == nil { try? FileManager.default.removeItem(atPath: folder) } }
        report("lists: \(format(Double(customers))) customers, \(format(Double(calls))) calls")
        let seedFile = URL(fileURLWithPath: folder).appendingPathComponent("seed-\(customers)-\(calls).json")
        let seeded: ListsBenchmarkSeed.Seeded
        if let data = try? Data(contentsOf: seedFile),
            let earlier = try? JSONDecoder().decode(ListsBenchmarkSeed.Seeded.self, from: data)
        {
            seeded = earlier
            report("  seeded by an earlier run in \(folder)")
        } else {
            let seedStart = DispatchTime.now().uptimeNanoseconds
            seeded = try await ListsBenchmarkSeed.seed(dataDirectory: folder, customers: customers, calls: calls)
            report(
                "  seeded in \(String(format: "%.0f", Double(DispatchTime.now().uptimeNanoseconds - seedStart) / 1e9)) s"
            )
            if kept != nil { try JSONEncoder().encode(seeded).write(to: seedFile) }
        }
        report(
            "  import of 100,000 customers: \(String(format: "%.2f", seeded.importSeconds)) s into an empty tenant, \(String(format: "%.2f", seeded.lastImportSeconds)) s into one with \(format(Double(max(0, customers - 100_000)))) customers (target < 10 s)"
        )

        let server = try await BenchmarkServer(dataDirectory: folder)
        defer { server.stop() }
        let admin = try await server.signIn(
            tenant: ListsBenchmarkSeed.tenantCode, loginID: ListsBenchmarkSeed.adminLoginID,
            password: ListsBenchmarkSeed.password)
        let agent = try await server.signIn(
            tenant: ListsBenchmarkSeed.tenantCode, loginID: "agent7", password: ListsBenchmarkSeed.password)
        let list = seeded.listIDs[seeded.listIDs.count / 2].uuidString
        if let seconds = seeded.rollupSeconds {
            report(
                "  report roll-ups built from \(format(Double(calls))) calls in \(String(format: "%.1f", seconds)) s (the migration's path)"
            )
        }
        // レポート: any period and grouping (target p95 < 500 ms); the page draws its charts too.
        let today = ISO8601DateFormatter.string(
            from: Date(), timeZone: TimeZone(identifier: "Asia/Tokyo")!, formatOptions: [.withFullDate])
        let yearAgo = ISO8601DateFormatter.string(
            from: Date().addingTimeInterval(-364 * 86_400), timeZone: TimeZone(identifier: "Asia/Tokyo")!,
            formatOptions: [.withFullDate])
        report("  レポート (admin), p50 / p95 of \(repeats) requests (target p95 < 500 ms):")
        for by in ["agent", "list"] {
            for (name, query) in [
                ("day", "kind=day&date=\(today)"), ("week", "kind=week&date=\(today)"),
                ("month", "kind=month&date=\(today)"), ("year", "kind=range&from=\(yearAgo)&to=\(today)"),
                ("year, one list", "kind=range&from=\(yearAgo)&to=\(today)&list=\(list)"),
            ] {
                try await time(server, "/reports?by=\(by)&" + query, cookie: admin, name: "\(by): \(name)", target: 500)
            }
        }
        try await time(
            server, "/reports/export?by=agent&kind=range&from=\(yearAgo)&to=\(today)", cookie: admin,
            name: "CSV, a year", target: 500)
        if reportsOnly { return }

        let customerFilters: [(String, String)] = [
            ("no filter", ""), ("リスト名", "list=\(list)"), ("配布", "distributed=notDistributed"),
            ("登録日付", "from=2026/10/01&to=2026/10/31"), ("最終ステータス", "status=prospect"), ("削除済みを表示", "deleted=on"),
            ("会社名", "company=\(encoded("ひかり電機 4"))"), ("会社名フリガナ", "kana=\(encoded("カブシキガイシャ77"))"),
            ("電話番号 (whole)", "phone=03-0042-4242"), ("電話番号 (part)", "phone=0042"),
            ("都道府県", "prefecture=\(encoded("愛知県"))"),
            ("住所", "address=\(encoded("中央7-"))"), ("page 100", "page=100"), ("架電禁止のみ", "dnc=barred"),
            ("架電禁止を除く", "dnc=notBarred"),
        ]
        report("  顧客一覧 (admin), p50 / p95 of \(repeats) requests:")
        for (name, query) in customerFilters {
            try await time(server, "/customers?" + query, cookie: admin, name: name)
        }
        let callFilters: [(String, String)] = [
            ("no filter", ""), ("リスト名", "list=\(list)"), ("会社名", "company=\(encoded("みなと"))"),
            ("会社名 (rare)", "company=\(encoded("工業 43965"))"), ("内線番号", "extension=321"),
            ("会社名フリガナ", "kana=\(encoded("カブシキガイシャ5"))"), ("通話日付", "from=2026/11/01&to=2026/11/07"),
            ("電話番号", "phone=03-0042-4242"), ("架電ステータス", "status=answered"), ("削除済みを表示", "deleted=on"),
        ]
        report("  通話一覧 (admin), p50 / p95 of \(repeats) requests:")
        for (name, query) in callFilters {
            try await time(server, "/calls?" + query, cookie: admin, name: name)
        }
        report("  通話一覧 (an agent: own calls only):")
        try await time(server, "/calls", cookie: agent, name: "no filter")
        try await time(server, "/calls?status=answered", cookie: agent, name: "架電ステータス")

        // The CSV download of every customer, while the server's memory is sampled.
        let before = server.residentMemory
        let sampler = Task {
            var peak = 0
            while !Task.isCancelled {
                peak = max(peak, server.residentMemory)
                try? await Task.sleep(for: .milliseconds(100))
            }
            return peak
        }
        let export = try await server.get("/customers/export", cookie: admin)
        sampler.cancel()
        let peak = await sampler.value
        guard export.status == 200 else { throw BenchmarkError.failed("export answered \(export.status)") }
        report(
            "  CSV download of \(format(Double(customers))) customers: \(format(Double(customers) / export.seconds)) rows/s "
                + "(\(String(format: "%.1f", Double(export.bytes) / 1_048_576)) MB CP932 in \(String(format: "%.1f", export.seconds)) s; "
                + "server memory \(before / 1024) MB before, \(peak / 1024) MB at most) — target ≥ 100,000 rows/s")
    }

    private func time(
        _ server: BenchmarkServer, _ path: String, cookie: String, name: String, target: Double = 100
    ) async throws {
        var seconds: [Double] = []
        for round in 0..<(repeats + 2) {
            let answer = try await server.get(path, cookie: cookie)
            guard answer.status == 200 else { throw BenchmarkError.failed("\(path) answered \(answer.status)") }
            if round >= 2 { seconds.append(answer.seconds) }
        }
        seconds.sort()
        let p50 = seconds[seconds.count / 2] * 1000
        let p95 = seconds[min(seconds.count - 1, Int(Double(seconds.count) * 0.95))] * 1000
        let mark = p95 < target ? "" : "  ← over \(Int(target)) ms"
        report(
            "    \(name.padding(toLength: 18, withPad: " ", startingAt: 0)) \(String(format: "%7.1f", p50)) / \(String(format: "%7.1f", p95)) ms\(mark)"
        )
    }

    private func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}
