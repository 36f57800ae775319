import Fluent
import Foundation
import TsunaguCore
import Vapor

/// レポート (管理者 only): figures per agent or per list for a day, week, month or from–to period of up to a year,
/// the weekday × hour contact-rate heat map and the daily trend (SVG drawn here), and the table as CSV (CP932 by
/// default, UTF-8 with BOM on request). Bad periods and unknown agents or lists get a message, never a 500.
struct ReportController: RouteCollection {
    struct ReportPage: Encodable {
        var errors: [String]
        var kinds: [SelectOption]
        var groupings: [SelectOption]
        var agents: [SelectOption]
        var lists: [SelectOption]
        var form: [String: String]
        var periodText: String
        var previous: String?
        var next: String?
        var header: [String]
        var rows: [[String]]
        var total: [String]?
        var heatMap: String?
        var trend: String?
        var exportQuery: String
        var callLogQuery: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("reports", use: page)
        routes.get("reports", "export", use: export)
    }

    static let formKeys = ["kind", "date", "from", "to", "by", "agent", "list"]

    /// What the form asked for, checked: a period, a grouping, and the agent or list it is narrowed to.
    struct Asked: Sendable {
        var period: ReportPeriod
        var grouping: ReportQuery.Grouping
        var agentID: UUID?
        var listID: UUID?
    }

    private func read(_ request: Request, zone: TimeZone) async throws -> (Asked?, [String], [String: String]) {
        // A query that is not form-encoded at all reads as empty: today's report.
        let fields = (try? request.query.decode([String: String].self)) ?? [:]
        var form: [String: String] = [:]
        for key in Self.formKeys {
            if let value = fields[key]?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
                form[key] = String(value.prefix(60))
            }
        }
        let today = HourBucket.of(request.now, in: zone).day
        var errors: [String] = []
        var period = ReportPeriod.around(today, kind: .day)
        switch ReportPeriod.parse(
            kind: form["kind"], date: form["date"], from: form["from"], to: form["to"], today: today)
        {
        case .success(let parsed): period = parsed
        case .failure(let problem): errors.append(problem.explanation.text(in: request.language))
        }
        let grouping = form["by"].flatMap(ReportQuery.Grouping.init(rawValue:)) ?? .agent
        let scope = try request.tenantScope()
        var agentID: UUID?
        if let text = form["agent"] {
            agentID = UUID(uuidString: text)
            if try await scope.find(User.self, id: agentID) == nil {
                errors.append(request.text(.reportUnknownAgent))
            }
        }
        var listID: UUID?
        if let text = form["list"] {
            listID = UUID(uuidString: text)
            if try await scope.find(CallList.self, id: listID) == nil {
                errors.append(request.text(.reportUnknownList))
            }
        }
        guard errors.isEmpty else { return (nil, errors, form) }
        return (Asked(period: period, grouping: grouping, agentID: agentID, listID: listID), [], form)
    }

    @Sendable func page(request: Request) async throws -> Response {
        guard let signedIn = request.signedIn else { throw Abort(.unauthorized) }
        let zone = TenantCalendar(identifier: signedIn.settings.timeZoneIdentifier).timeZone
        let (asked, errors, form) = try await read(request, zone: zone)
        let scope = try request.tenantScope()
        let users = try await scope.query(User.self).sort(\.$phoneExtension).all()
        let lists = try await scope.query(CallList.self).sort(\.$name).all()
        let language = request.language
        var content = ReportPage(
            errors: errors,
            kinds: ReportPeriod.Kind.allCases.map {
                SelectOption(
                    value: $0.rawValue, label: Self.label($0).text(in: language),
                    selected: (form["kind"] ?? "day") == $0.rawValue)
            },
            groupings: ReportQuery.Grouping.allCases.map {
                SelectOption(
                    value: $0.rawValue, label: ($0 == .agent ? Label.reportByAgent : .reportByList).text(in: language),
                    selected: (form["by"] ?? "agent") == $0.rawValue)
            },
            agents: [SelectOption(value: "", label: request.text(.reportAll), selected: form["agent"] == nil)]
                + users.compactMap { user in
                    user.id.map {
                        SelectOption(
                            value: $0.uuidString, label: "\(user.name)(\(user.phoneExtension))",
                            selected: form["agent"] == $0.uuidString)
                    }
                },
            lists: [SelectOption(value: "", label: request.text(.reportAll), selected: form["list"] == nil)]
                + lists.compactMap { list in
                    list.id.map {
                        SelectOption(value: $0.uuidString, label: list.name, selected: form["list"] == $0.uuidString)
                    }
                },
            form: form, periodText: "", header: [], rows: [], exportQuery: "")
        guard let asked else {
            return try await request.renderPage("reports", content, status: .badRequest)
        }
        let table = try await self.table(asked, request: request, zone: zone, users: users, lists: lists)
        content.periodText =
            asked.period.from == asked.period.to ? asked.period.from : "\(asked.period.from) 〜 \(asked.period.to)"
        content.header = table.header
        content.rows = table.rows
        content.total = table.rows.isEmpty ? nil : table.total
        content.heatMap = ReportCharts.heatMap(
            table.report.heatMap, weekdays: Self.weekdays.map { $0.text(in: language) },
            title: request.text(.reportHeatMap))
        content.trend = ReportCharts.dailyTrend(table.report.days, title: request.text(.reportTrend))
        var query = form
        query["kind"] = asked.period.kind.rawValue
        if asked.period.kind == .range {
            query["from"] = asked.period.from
            query["to"] = asked.period.to
        }
        func link(_ period: ReportPeriod) -> String {
            var fields = query
            fields["date"] = period.from
            fields["from"] = period.from
            fields["to"] = period.to
            return "/reports" + SiteURL.query(fields, keys: Self.formKeys, page: 1)
        }
        content.previous = link(asked.period.shifted(by: -1))
        content.next = link(asked.period.shifted(by: 1))
        content.exportQuery = SiteURL.query(
            query.merging(["from": asked.period.from, "to": asked.period.to, "kind": "range"]) { _, new in new },
            keys: Self.formKeys, page: 1)
        // 通話一覧 with the same filter: its count is the report's 架電数 (deleted customers' calls included).
        var callLog = ["from": asked.period.from, "to": asked.period.to, "deleted": "1"]
        if let list = asked.listID { callLog["list"] = list.uuidString }
        content.callLogQuery = SiteURL.query(callLog, keys: ["list", "from", "to", "deleted"], page: 1)
        return try await request.renderPage("reports", content)
    }

    @Sendable func export(request: Request) async throws -> Response {
        guard let signedIn = request.signedIn else { throw Abort(.unauthorized) }
        let zone = TenantCalendar(identifier: signedIn.settings.timeZoneIdentifier).timeZone
        let (asked, errors, _) = try await read(request, zone: zone)
        guard let asked else { throw Abort(.badRequest, reason: errors.joined(separator: " ")) }
        let scope = try request.tenantScope()
        let table = try await self.table(
            asked, request: request, zone: zone, users: try await scope.query(User.self).all(),
            lists: try await scope.query(CallList.self).all(), forCSV: true)
        let writer = CSVWriter(encoding: request.query[String.self, at: "encoding"] == "utf8" ? .utf8WithBOM : .cp932)
        var bytes = writer.preamble
        writer.appendRecord(table.header, to: &bytes)
        for row in table.rows { writer.appendRecord(row, to: &bytes) }
        if !table.rows.isEmpty { writer.appendRecord(table.total, to: &bytes) }
        let response = Response(status: .ok, body: .init(buffer: ByteBuffer(bytes: bytes)))
        response.headers.contentType = HTTPMediaType(
            type: "text", subType: "csv", parameters: ["charset": writer.encoding == .cp932 ? "Shift_JIS" : "UTF-8"])
        let fileName = "report-\(asked.grouping.rawValue)-\(asked.period.from)-\(asked.period.to).csv"
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(fileName)\"")
        return response
    }

    struct Table {
        var report: ReportQuery.Report
        var header: [String]
        var rows: [[String]]
        var total: [String]
    }

    /// The report as the page and the CSV show it: one row per agent or list, the pause reasons as columns.
    private func table(
        _ asked: Asked, request: Request, zone: TimeZone, users: [User], lists: [CallList], forCSV: Bool = false
    ) async throws -> Table {
        let report = try await ReportQuery(
            scope: try request.tenantScope(), period: asked.period, grouping: asked.grouping, agentID: asked.agentID,
            listID: asked.listID, zone: zone, now: request.now
        ).run()
        let perAgent = asked.grouping == .agent && asked.listID == nil
        let reasons = perAgent ? Array(Set(report.rows.flatMap { $0.time.pausedByReason.keys })).sorted() : []
        let t = { (label: Label) in label.text(in: request.language) }
        var header = [
            t(asked.grouping == .agent ? .reportAgent : .reportList), t(.reportCalls), t(.reportContacts),
            t(.reportContactRate), t(.reportProspects), t(.reportCallbacks), t(.reportTalkTime),
            t(.reportAverageHandle), t(.reportWrapUp),
        ]
        if perAgent {
            header.append(t(.reportPause))
            header += reasons.map { "\(t(.reportPause))(\($0))" }
            header.append(t(.reportUtilisation))
        }
        let userNames = Dictionary(
            uniqueKeysWithValues: users.compactMap { user in
                user.id.map { ($0, "\(user.name)(\(user.phoneExtension))") }
            })
        let listNames = Dictionary(uniqueKeysWithValues: lists.compactMap { list in list.id.map { ($0, list.name) } })
        func name(_ key: UUID) -> String {
            if asked.grouping == .agent { return userNames[key] ?? t(.reportRemovedUser) }
            return key == ReportRollups.none ? t(.reportNoList) : listNames[key] ?? t(.notFound)
        }
        func fields(_ row: ReportQuery.Row, name: String) -> [String] {
            var fields = [
                name, "\(row.calls.calls)", "\(row.calls.contacts)", Self.percent(row.calls.contactRate),
                "\(row.calls.prospects)", "\(row.calls.callbacks)", Self.duration(row.calls.talkSeconds, forCSV),
                row.calls.averageHandleSeconds(wrapUpSeconds: row.time.wrapUpSeconds).map { Self.duration($0, forCSV) }
                    ?? "—",
                Self.duration(row.time.wrapUpSeconds, forCSV),
            ]
            if perAgent {
                fields.append(Self.duration(row.time.pausedSeconds, forCSV))
                fields += reasons.map { Self.duration(row.time.pausedByReason[$0] ?? 0, forCSV) }
                fields.append(Self.percent(row.time.utilisation))
            }
            return fields
        }
        let rows = report.rows.map { (name($0.key), $0) }.sorted { $0.0 < $1.0 }.map { fields($1, name: $0) }
        return Table(report: report, header: header, rows: rows, total: fields(report.total, name: t(.reportTotal)))
    }

    static let weekdays: [Label] = [
        .weekdayMonday, .weekdayTuesday, .weekdayWednesday, .weekdayThursday, .weekdayFriday, .weekdaySaturday,
        .weekdaySunday,
    ]

    static func label(_ kind: ReportPeriod.Kind) -> Label {
        switch kind {
        case .day: .reportKindDay
        case .week: .reportKindWeek
        case .month: .reportKindMonth
        case .range: .reportKindRange
        }
    }

    static func percent(_ rate: Double?) -> String {
        rate.map { String(format: "%.1f%%", $0 * 100) } ?? "—"
    }

    /// h:mm:ss on the page; whole seconds in the CSV, for a spreadsheet to sum.
    static func duration(_ seconds: Double, _ forCSV: Bool) -> String {
        let whole = Int(seconds.rounded())
        if forCSV { return "\(whole)" }
        return String(format: "%d:%02d:%02d", whole / 3600, whole % 3600 / 60, whole % 60)
    }
}
