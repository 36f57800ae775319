import FluentKit
import Foundation
import Logging
import TsunaguCore

/// One tenant's live board: the snapshot in memory, kept exact by reading the facts again for whatever `FloorEvent`s
/// name, and pushed to the open boards as changes. Events are gathered for a short while (`FloorHubs.tickInterval`)
/// and read in one go, so a busy floor costs a few small reads a second, not one per commit. The whole board is read
/// again every `fullReadInterval`, when the tenant's day changes, and when an event says so.
actor FloorHub {
    /// An open board.
    struct Board: Sendable {
        var id: UUID
        var send: @Sendable (String) -> Void
    }

    static let fullReadInterval: TimeInterval = 60
    /// Lists' rows are counted at most this often (a list's counts read all its rows).
    static let listReadInterval: TimeInterval = 1

    let tenantID: UUID
    private let database: @Sendable () -> any Database
    private let now: @Sendable () -> Date
    private let logger: Logger

    private var snapshot: FloorSnapshot? {
        didSet { version += 1 }
    }
    /// Counts the snapshot's changes, so its JSON is written once per change however often a wall display polls.
    private var version = 0
    private var snapshotJSON: (version: Int, text: String)?
    private var timeZone = TimeZone(identifier: "Asia/Tokyo")!
    private var dayStart = Date.distantPast
    private var slowCounts = FloorQuery.SlowCounts()
    private var retryPolicy = RetryPolicy.off
    private var boards: [UUID: Board] = [:]
    private var dirtyAgents = Set<UUID>()
    private var dirtyLists = Set<UUID>()
    private var everything = false
    /// The read in progress, which other callers wait for.
    private var inFlight: Task<Void, any Error>?
    private var lastFullRead = Date.distantPast
    private var lastListRead = Date.distantPast
    /// When a board or the API last used this hub: an unused hub is dropped by `FloorHubs`.
    private(set) var lastUsed: Date

    init(
        tenantID: UUID, database: @escaping @Sendable () -> any Database, now: @escaping @Sendable () -> Date,
        logger: Logger
    ) {
        self.tenantID = tenantID
        self.database = database
        self.now = now
        self.logger = logger
        self.lastUsed = now()
    }

    var boardCount: Int { boards.count }

    /// Opens a board: it gets the whole snapshot now and every change after.
    func attach(_ board: Board) async throws {
        lastUsed = now()
        let snapshot = try await current(pending: true)
        boards[board.id] = board
        board.send(Self.encode(FloorMessage.snapshot(snapshot), timeZone: timeZone))
    }

    func detach(_ id: UUID) {
        boards[id] = nil
        lastUsed = now()
    }

    /// The board as the hub holds it: read on first use, then kept current by the ticks (at most a tick and a read
    /// behind the facts), so a wall display's poll never waits for the database. `pending` reads what events named
    /// first: every fact committed before the call is then in the answer (the tests ask for it).
    func current(pending: Bool = false) async throws -> FloorSnapshot {
        lastUsed = now()
        if snapshot == nil || isNewDay || (pending && (everything || !dirtyAgents.isEmpty || !dirtyLists.isEmpty)) {
            try await read(force: true)
        }
        guard let snapshot else { throw FloorHubError.unreadable }
        return snapshot
    }

    /// `current()` as JSON (`GET /api/v1/floor`): written off the actor once per change of the snapshot.
    func currentJSON() async throws -> String {
        let snapshot = try await current()
        if let cached = snapshotJSON, cached.version == version { return cached.text }
        let (zone, version) = (timeZone, version)
        let text = await Self.encodeElsewhere(snapshot, timeZone: zone)
        if self.version == version { snapshotJSON = (version, text) }
        return text
    }

    /// `encode`, run off the actor: 500 agents take milliseconds, which ticks and boards need not wait for.
    private nonisolated static func encodeElsewhere(_ snapshot: FloorSnapshot, timeZone: TimeZone) async -> String {
        encode(snapshot, timeZone: timeZone)
    }

    /// Events that arrive before the first read are kept: that read, or the next, takes them in.
    func note(_ event: FloorEvent) {
        dirtyAgents.formUnion(event.agents)
        dirtyLists.formUnion(event.lists)
        if event.everything { everything = true }
    }

    /// Reads what is due and pushes the changes (`FloorHubs` calls it every tick).
    func tick() async {
        // Kept current while a board is open or the JSON was asked for lately (a wall display polling it).
        guard snapshot != nil, !boards.isEmpty || now().timeIntervalSince(lastUsed) < FloorHubs.idleLifetime else {
            return
        }
        do {
            try await read(force: false)
        } catch {
            logger.error("reading the floor of tenant \(tenantID) failed: \(error)")
        }
    }

    private var isNewDay: Bool { now().timeIntervalSince(dayStart) >= 86_400 || now() < dayStart }

    /// One read at a time: a caller that finds one running waits for it, then reads what is still pending, so
    /// `current()` never answers without a fact committed before it was asked.
    private func read(force: Bool) async throws {
        while let running = inFlight {
            _ = try? await running.value
            // A finished task's value returns without suspending: clear it here, or this loop would spin on the
            // actor before its starter could.
            if inFlight == running { inFlight = nil }
        }
        let task = Task { try await self.readPending(force: force) }
        inFlight = task
        defer { if inFlight == task { inFlight = nil } }
        try await task.value
    }

    private func readPending(force: Bool) async throws {
        let at = now()
        if snapshot == nil || everything || isNewDay || at.timeIntervalSince(lastFullRead) >= Self.fullReadInterval {
            let pending = (everything, dirtyAgents, dirtyLists)
            everything = false
            dirtyAgents = []
            dirtyLists = []
            do {
                try await readEverything(at: at)
            } catch {
                // Read again next time, events included.
                everything = pending.0
                dirtyAgents.formUnion(pending.1)
                dirtyLists.formUnion(pending.2)
                throw error
            }
            return
        }
        let agents = Array(dirtyAgents)
        let listsDue = force || at.timeIntervalSince(lastListRead) >= Self.listReadInterval
        let lists = listsDue ? Array(dirtyLists) : []
        guard !agents.isEmpty || !lists.isEmpty else { return }
        dirtyAgents.subtract(agents)
        dirtyLists.subtract(lists)
        let query = FloorQuery(
            scope: TenantScope(tenantID: tenantID, database: database()), dayStart: dayStart,
            day: HourBucket.of(dayStart, in: timeZone).day)
        do {
            let agentRows = try await query.agents(agents)
            var listRows: [FloorSnapshot.List] = []
            if !lists.isEmpty {
                lastListRead = at
                listRows = try await query.lists(
                    lists, countingSlow: false, known: slowCounts, retryPolicy: retryPolicy, now: at)
            }
            snapshot?.update(agents: agentRows, lists: listRows, at: at)
            guard let snapshot else { return }
            push(
                FloorMessage.update(
                    FloorMessage.Update(
                        agents: agentRows, lists: listRows, totals: snapshot.totals, generatedAt: at)))
        } catch {
            // Read again next time.
            dirtyAgents.formUnion(agents)
            dirtyLists.formUnion(lists)
            throw error
        }
    }

    private func readEverything(at: Date) async throws {
        let scope = TenantScope(tenantID: tenantID, database: database())
        guard let tenant = try await Tenant.find(tenantID, on: scope.database) else {
            throw FloorHubError.unreadable
        }
        let settings = tenant.settings.clamped
        timeZone = TenantCalendar(identifier: settings.timeZoneIdentifier).timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        dayStart = calendar.startOfDay(for: at)
        let query = FloorQuery(scope: scope, dayStart: dayStart, day: HourBucket.of(dayStart, in: timeZone).day)
        let agents = try await query.agents()
        retryPolicy = settings.retryPolicy
        let lists = try await query.lists(
            try await query.listsInUse(), countingSlow: true, retryPolicy: retryPolicy, now: at)
        slowCounts = FloorQuery.SlowCounts(
            barred: Dictionary(uniqueKeysWithValues: lists.map { ($0.id, $0.barred) }),
            waitingForRetry: Dictionary(uniqueKeysWithValues: lists.map { ($0.id, $0.waitingForRetry) }))
        let snapshot = FloorSnapshot(
            agents: agents, lists: lists, wrapUpLimitSeconds: settings.wrapUpLimitMinutes * 60, generatedAt: at)
        self.snapshot = snapshot
        lastFullRead = at
        lastListRead = at
        push(FloorMessage.snapshot(snapshot))
    }

    private func push(_ message: FloorMessage) {
        guard !boards.isEmpty else { return }
        let text = Self.encode(message, timeZone: timeZone)
        for board in boards.values { board.send(text) }
    }

    /// JSON with times in the tenant's zone (ISO 8601 with its offset), so a wall display shows them as they are.
    static func encode<T: Encodable>(_ value: T, timeZone: TimeZone) -> String {
        let encoder = JSONEncoder()
        let style = Date.ISO8601FormatStyle(
            timeZoneSeparator: .colon, includingFractionalSeconds: true, timeZone: timeZone)
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.formatted(style))
        }
        encoder.outputFormatting = .sortedKeys
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}

/// What a board receives: the whole snapshot (on opening, and after a full read) or the rows that changed.
enum FloorMessage: Encodable {
    struct Update: Encodable {
        var agents: [FloorSnapshot.Agent]
        var lists: [FloorSnapshot.List]
        var totals: FloorSnapshot.Totals
        var generatedAt: Date
    }

    case snapshot(FloorSnapshot)
    case update(Update)

    private enum CodingKeys: String, CodingKey { case type, snapshot, update }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .snapshot(let snapshot):
            try container.encode("snapshot", forKey: .type)
            try container.encode(snapshot, forKey: .snapshot)
        case .update(let update):
            try container.encode("update", forKey: .type)
            try container.encode(update, forKey: .update)
        }
    }
}

enum FloorHubError: Error {
    case unreadable
}
