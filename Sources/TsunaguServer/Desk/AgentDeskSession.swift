import FluentKit
import Foundation
import Logging
import Synchronization
import Telephony
import TsunaguCore

/// One agent's phone screen on the server. TsunaguCore's `AgentDesk` decides; this actor carries out its effects
/// (calls, fetches, uploads), commits every change before telling the screens, and keeps the agent's open screens
/// (tabs) in step.
///
/// Inputs are processed one at a time, in arrival order, by a single loop: an agent's action, a telephony report
/// and a settings change can never interleave halfway through each other's effects.
///
/// The session acts under its lease on the agent (`DeskLease`): every commit and every other write checks the lease
/// in its transaction, and a call is placed only while the lease is good by a monotonic clock. A session whose
/// lease was taken by another instance stops at once: it dials nothing more, and its screens reconnect to wherever
/// the agent is served. A session whose agent has gone (no screen for the reconnection grace, no call) retires and
/// gives its lease up.
actor AgentDeskSession {
    /// An open phone screen (a WebSocket) of this agent.
    struct Client: Sendable {
        var id: UUID
        var language: Language
        var send: @Sendable (String) -> Void
        /// Closes the screen's connection (it then reconnects by itself).
        var close: @Sendable () -> Void = {}
    }

    /// Inputs waiting in the loop, and whether the session has retired (it takes no more).
    private struct InputGate {
        var pending = 0
        var retired = false
    }

    enum Input: Sendable {
        case command(DeskProtocol.Command, requestID: Int?, client: UUID)
        case rejected(DeskProtocol.ParseError, requestID: Int?, client: UUID)
        case telephony(attemptID: UUID, CallProgress)
        case settings(TenantSettings)
        case join(Client)
        case leave(UUID)
        /// A callback of the tenant was set, taken or handed on, or one of this agent's falls due: read them again.
        case callbacksChanged
        /// The reconnection grace after the last screen closed may be over (the agent's state).
        case presenceGraceElapsed
        /// Another instance holds the agent's lease now.
        case leaseLost
        /// Saving failed (the database is away): try the commit again.
        case retrySave
        /// The agent's screen reconnected to another instance, which asks for the lease.
        case handOverRequested
    }

    let tenantID: UUID
    let userID: UUID
    /// The lease this session acts under.
    nonisolated let lease: DeskLease
    private let leases: InstanceLeases
    private nonisolated let gate = Mutex(InputGate())
    /// Told once the session has retired.
    private let retired: @Sendable (AgentDeskSession) -> Void
    /// Runs between recording a call and placing it (a test pauses the instance there).
    private let beforeInvite: (@Sendable (UUID) async -> Void)?
    /// Whether a screen ever joined: a session no screen has used yet does not retire.
    private var hadClients = false
    private var leaseIsLost = false
    /// The last commit failed: the screens say saving is paused, and a timer tries again until it succeeds.
    private var savingPaused = false
    private var saveRetryTimer: Task<Void, Never>?
    private var saveRetryDelay: Duration = .seconds(1)
    /// Only `submit` yields to it, so the gate counts every input waiting.
    private nonisolated let inputs: AsyncStream<Input>.Continuation
    private let database: @Sendable () -> any Database
    private let telephony: any Telephony
    private let writer: DurableWriter
    private let now: @Sendable () -> Date
    private let logger: Logger
    private let extensionNumber: String
    /// The agent's and the company's names, for the talk script.
    private let agentName: String
    private let companyName: String
    /// The talk script of the answered call's list, shown until the next call is placed.
    private var talkScript: (script: TalkScript, values: TalkScript.Values)?
    private var listRulesRead: [UUID: (rules: CallListRules, at: Date)] = [:]
    private var settings: TenantSettings
    private var desk: AgentDesk
    /// The rows' and calls' records beside the desk, and what the next commit must write (a failed commit is
    /// retried with the next input).
    private var ledger: DeskLedger
    private var lamp: TelephonyReadiness = .ready
    /// The browser's prepared WebRTC offer for the next call, and the screen (tab) it came from. Set as the
    /// message arrives, outside the input queue, so a call waiting for it does not hold up its delivery.
    private nonisolated let preparedOffer = PreparedOffer()
    /// The browser's microphone: nil until a screen has said.
    private var microphoneGranted: Bool?
    private var toneRoute = ToneRoute.media
    private var version: UInt64 = 0
    private var clients: [UUID: Client] = [:]
    /// The timed callbacks the section shows, as last read, which of them are barred, and their lists' windows.
    private var callbacks = CallbackStore.DeskCallbacks(callbacks: [], nextOpening: nil)
    private var barredCallbacks: Set<UUID> = []
    private var callbackListWindows: [UUID: CallingWindow] = [:]
    /// Wakes the session when the section next changes by the clock alone.
    private var callbackTimer: Task<Void, Never>?
    /// Tells every phone screen of the tenant that its callbacks changed (one open to everyone was taken).
    private let tenantCallbacksChanged: @Sendable () -> Void
    /// The agent's state for the manager's floor, and its changes not yet committed.
    private var presence: AgentStateMachine
    private var unsavedStates: [DeskChanges.StateFact] = []
    private var zoneCache: (identifier: String, zone: TimeZone)?
    /// The list of the agent's latest call: its 後処理 counts toward that list.
    private var lastCallListID: UUID?
    private var presenceTimer: Task<Void, Never>?
    /// Told what each commit changed, for the managers' boards.
    private let floorEvents: any FloorEventBus

    private var scope: TenantScope { TenantScope(tenantID: tenantID, database: database()) }
    private var store: DeskStore { DeskStore(scope: scope, userID: userID) }

    /// Runs `work` through the group-commit writer, on a scope of this tenant bound to the write's transaction, if
    /// the database still gives this session its lease there.
    private func write<T: Sendable>(_ work: @escaping @Sendable (TenantScope, UUID) async throws -> T) async throws -> T
    {
        let (tenantID, userID, lease) = (tenantID, userID, lease)
        do {
            return try await writer.write { database in
                let held = try await DeskLeaseStore(database: database, instance: lease.instance).heldEpochs(
                    tenantID: tenantID, [userID])
                guard held[userID] == lease.epoch else { throw DeskLeaseLost(agents: [userID]) }
                return try await work(TenantScope(tenantID: tenantID, database: database), userID)
            }
        } catch let error as DeskLeaseLost {
            await loseLease()
            throw error
        }
    }

    /// Loads the agent's screen from the database and starts its input loop.
    /// - Parameter tasks: runs the session's input loop (the registry's, a child of the server's lifecycle).
    /// - Parameter lease: the agent's lease, taken by the caller.
    /// - Parameter retired: told when the session has retired (its lease may be given up).
    static func open(
        tenantID: UUID, userID: UUID, lease: DeskLease, leases: InstanceLeases,
        database: @escaping @Sendable () -> any Database, writer: DurableWriter,
        telephony: any Telephony, tasks: ChildTasks, now: @escaping @Sendable () -> Date, logger: Logger,
        floorEvents: any FloorEventBus, beforeInvite: (@Sendable (UUID) async -> Void)? = nil,
        tenantCallbacksChanged: @escaping @Sendable () -> Void = {},
        retired: @escaping @Sendable (AgentDeskSession) -> Void = { _ in }
    ) async throws -> AgentDeskSession {
        let scope = TenantScope(tenantID: tenantID, database: database())
        guard let tenant = try await Tenant.find(tenantID, on: scope.database),
            let user = try await scope.find(User.self, id: userID)
        else {
            throw TenantScopeError.notFound
        }
        let stored = try await DeskStore(scope: scope, userID: userID).load()
        let (stream, continuation) = AsyncStream<Input>.makeStream()
        let session = AgentDeskSession(
            tenantID: tenantID, userID: userID, extensionNumber: user.phoneExtension, agentName: user.name,
            companyName: tenant.name, settings: tenant.settings,
            stored: stored, lease: lease, leases: leases, database: database, writer: writer, telephony: telephony,
            now: now, logger: logger, inputs: continuation, floorEvents: floorEvents, beforeInvite: beforeInvite,
            tenantCallbacksChanged: tenantCallbacksChanged, retired: retired)
        session.submit(.callbacksChanged)
        tasks.start { await session.run(stream) }
        return session
    }

    private init(
        tenantID: UUID, userID: UUID, extensionNumber: String, agentName: String, companyName: String,
        settings: TenantSettings, stored: DeskStore.Stored, lease: DeskLease, leases: InstanceLeases,
        database: @escaping @Sendable () -> any Database, writer: DurableWriter, telephony: any Telephony,
        now: @escaping @Sendable () -> Date, logger: Logger, inputs: AsyncStream<Input>.Continuation,
        floorEvents: any FloorEventBus, beforeInvite: (@Sendable (UUID) async -> Void)?,
        tenantCallbacksChanged: @escaping @Sendable () -> Void,
        retired: @escaping @Sendable (AgentDeskSession) -> Void
    ) {
        self.beforeInvite = beforeInvite
        self.lease = lease
        self.leases = leases
        self.retired = retired
        self.floorEvents = floorEvents
        self.tenantCallbacksChanged = tenantCallbacksChanged
        self.presence = AgentStateMachine(since: now())
        self.writer = writer
        self.tenantID = tenantID
        self.userID = userID
        self.extensionNumber = extensionNumber
        self.agentName = agentName
        self.companyName = companyName
        self.settings = settings
        self.database = database
        self.telephony = telephony
        self.now = now
        self.logger = logger
        self.inputs = inputs
        self.ledger = DeskLedger(tenantID: tenantID, userID: userID, stored: stored)
        self.desk = AgentDesk(
            settings: settings.deskSettings, rows: stored.rows, cursor: stored.cursor,
            autoFetchActive: stored.autoFetchActive, lastCallNumber: stored.lastCallNumber)
    }

    /// Queues an input; false when the session has retired (ask the registry for the agent's session again).
    @discardableResult
    nonisolated func submit(_ input: Input) -> Bool {
        if case .command(.mediaOffer(let sdp), _, let client) = input { preparedOffer.put(sdp, from: client) }
        return gate.withLock { gate in
            guard !gate.retired else { return false }
            gate.pending += 1
            inputs.yield(input)
            return true
        }
    }

    /// The server is stopping: the session takes no more input.
    nonisolated func stop() {
        gate.withLock { $0.retired = true }
        inputs.finish()
    }

    /// Whether the session has retired: it takes no more input, and the registry opens a new one for the agent.
    nonisolated var isRetired: Bool { gate.withLock { $0.retired } }

    /// Whether anything keeps this session busy (open screens or a call), for the registry's clean-up.
    var isIdle: Bool { clients.isEmpty && desk.activeCall == nil }

    /// The desk as it is now (tests and the benchmark read it).
    var snapshot: AgentDesk { desk }

    private func run(_ stream: AsyncStream<Input>) async {
        for await input in stream {
            await process(input)
            gate.withLock { $0.pending -= 1 }
            if mayRetire, retireIfQuiet() { return }
        }
    }

    /// The agent has gone (a screen was open, none is now after the reconnection grace, no call, nothing unsaved),
    /// or the lease was lost.
    private var mayRetire: Bool {
        leaseIsLost
            || (hadClients && clients.isEmpty && desk.activeCall == nil && presence.state == .offline
                && ledger.unsaved.isEmpty && unsavedStates.isEmpty)
    }

    /// Retires when no input waits (one that arrived is handled first, then the check runs again).
    private func retireIfQuiet() -> Bool {
        let quiet = gate.withLock { gate in
            guard gate.pending == 0 else { return false }
            gate.retired = true
            return true
        }
        guard quiet else { return false }
        inputs.finish()
        presenceTimer?.cancel()
        callbackTimer?.cancel()
        saveRetryTimer?.cancel()
        logger.info("the phone-screen session of user \(userID) retired\(leaseIsLost ? " (lease lost)" : "")")
        retired(self)
        return true
    }

    /// The lease is gone: nothing more is dialled or written for this agent here. The call in progress is hung up
    /// (the instance that took the agent over closed it as interrupted), and the screens are told and disconnected:
    /// they reconnect to the instance that serves the agent now.
    private func loseLease() async {
        guard !leaseIsLost else { return }
        leaseIsLost = true
        leases.released(userID, epoch: lease.epoch)
        logger.warning("user \(userID): the lease (epoch \(lease.epoch)) is held elsewhere now; this session stops")
        if let call = desk.activeCall, let attempt = ledger.attempt(of: call.id) { await telephony.hangUp(attempt) }
        presenceTimer?.cancel()
        callbackTimer?.cancel()
        saveRetryTimer?.cancel()
        for client in clients.values { disconnect(client) }
        clients = [:]
    }

    private func disconnect(_ client: Client) {
        client.send(
            DeskProtocol.encode(
                DeskProtocol.NoticeMessage(message: Label.deskServedElsewhere.text.text(in: client.language))))
        client.close()
    }

    /// A commit failed: the screens say saving is paused (with the next state they get), and the commit is tried
    /// again after a growing delay (1 s, doubling to 10 s) until the database takes it, input or not.
    private func savingFailed() {
        savingPaused = true
        guard saveRetryTimer == nil else { return }
        let delay = saveRetryDelay
        saveRetryDelay = min(saveRetryDelay * 2, .seconds(10))
        saveRetryTimer = Task { [weak self] in
            try? await Task.sleep(for: delay)
            guard !Task.isCancelled else { return }
            await self?.retryTimerFired()
        }
    }

    private func retryTimerFired() {
        saveRetryTimer = nil
        submit(.retrySave)
    }

    private func savingResumed() {
        savingPaused = false
        saveRetryDelay = .seconds(1)
        saveRetryTimer?.cancel()
        saveRetryTimer = nil
    }

    /// Whether the call recorded just now may be placed: the lease is good by the monotonic clock, or the database
    /// confirms it again now (after a pause, the instance fences itself until it has re-taken its lease).
    private func mayDial() async -> Bool {
        if leases.mayAct(userID, epoch: lease.epoch) { return true }
        let sent = leases.monotonicNow()
        let (tenantID, userID, lease) = (tenantID, userID, lease)
        let until = now().addingTimeInterval(InstanceTerms.leaseLength.timeInterval)
        do {
            let renewed = try await writer.write { database in
                try await DeskLeaseStore(database: database, instance: lease.instance).renew(
                    tenantID: tenantID, userID: userID, lease: lease, until: until)
            }
            if renewed {
                _ = leases.renewal(sentAt: sent, renewed: [userID: lease.epoch], heldWhenSent: [userID: lease.epoch])
                return leases.mayAct(userID, epoch: lease.epoch)
            }
            await loseLease()
        } catch {
            logger.error("user \(userID): confirming the lease before a call failed: \(error)")
        }
        return false
    }

    private func process(_ input: Input) async {
        if leaseIsLost {
            // Nothing is done for the agent here any more; a screen that joins late is sent on too.
            if case .join(let client) = input { disconnect(client) }
            return
        }
        switch input {
        case .leaseLost:
            await loseLease()
        case .handOverRequested:
            // Only between calls and with no screen open here; otherwise the lease stays until the call ends and the
            // screens have gone (the reconnection grace).
            guard clients.isEmpty, desk.activeCall == nil, hadClients else { return }
            logger.info("user \(userID): handing the session over to the instance the screen reconnected to")
            notePresence(.signedOut)
            await commit()
        case .retrySave:
            guard savingPaused else { return }
            await commit()
            guard !savingPaused else { return }
            logger.info("the phone screen of user \(userID) is saved again")
            // Every row the screens were shown as not saved is saved now: the whole state, once.
            version += 1
            for target in clients.values { target.send(stateText(for: target, full: true, rows: [])) }
        case .join(let client):
            hadClients = true
            clients[client.id] = client
            notePresence(.screenOpened)
            await commit()
            await refreshLamp()
            client.send(stateText(for: client, full: true, rows: []))
        case .leave(let id):
            clients[id] = nil
            notePresence(.screenClosed)
        case .presenceGraceElapsed:
            notePresence(.graceElapsed)
            await commit()
        case .rejected(let error, let requestID, let client):
            acknowledge(requestID, to: client, ok: false, message: error.explanation)
        case .command(.ping, let requestID, let client):
            acknowledge(requestID, to: client, ok: true)
        case .command(.mediaOffer, let requestID, let client):
            acknowledge(requestID, to: client, ok: true)
        case .command(.microphone(let granted), let requestID, let client):
            microphoneGranted = granted
            acknowledge(requestID, to: client, ok: true)
            await refreshLamp()
            version += 1
            for target in clients.values { target.send(stateText(for: target, full: false, rows: [])) }
        case .command(.tone(let key), let requestID, let client):
            guard let call = desk.activeCall, call.stage == .talking, let attempt = ledger.attempt(of: call.id) else {
                acknowledge(requestID, to: client, ok: false, message: Self.toneOutsideCall)
                return
            }
            guard toneRoute == .signalling else {
                acknowledge(requestID, to: client, ok: false, message: Self.toneInMedia)
                return
            }
            await telephony.sendTone(key, call: attempt)
            acknowledge(requestID, to: client, ok: true)
        case .command(.refuse(let row, let note), let requestID, let client):
            await recordRefusal(of: row, note: note, requestID: requestID, client: client)
        case .command(.scheduleCallback(let row, let date, let time, let note), let requestID, let client):
            await scheduleCallback(
                on: row, date: date, time: time, note: note, requestID: requestID, client: client)
        case .command(.dialCallback(let id), let requestID, let client):
            guard let callback = callbacks.callbacks.first(where: { $0.id == id }) else {
                acknowledge(requestID, to: client, ok: false, message: Label.dialRefusedCallbackTaken.text)
                return
            }
            await refreshLamp()
            await apply(.callbackDialRequested(dueCallback(callback)), requestID: requestID, client: client)
        case .command(.pause(let reason), let requestID, let client):
            guard settings.clamped.pauseReasons.contains(reason) else {
                acknowledge(requestID, to: client, ok: false, message: Label.deskPauseUnknownReason.text)
                return
            }
            notePresence(.pauseRequested(reason: reason))
            // A pause stops the walk (the call in progress goes on); apply commits the state with it.
            await apply(.stopPressed, requestID: requestID, client: client)
        case .command(.resume, let requestID, let client):
            notePresence(.pauseEnded)
            let committed = await commit()
            version += 1
            for target in clients.values { target.send(stateText(for: target, full: false, rows: [])) }
            acknowledge(requestID, to: client, ok: committed, message: committed ? nil : Label.deskSaveRetrying.text)
        case .callbacksChanged:
            await reloadCallbacks()
            version += 1
            for target in clients.values { target.send(stateText(for: target, full: false, rows: [])) }
        case .command(.refresh, let requestID, let client):
            if let target = clients[client] { target.send(stateText(for: target, full: true, rows: [])) }
            acknowledge(requestID, to: client, ok: true)
        case .command(.answer(let key, let accepted), let requestID, let client):
            guard let confirmation = desk.pendingConfirmation, confirmation.key == key else {
                acknowledge(
                    requestID, to: client, ok: false,
                    message: Label.deskConfirmationGone.text)
                if let target = clients[client] { target.send(stateText(for: target, full: true, rows: [])) }
                return
            }
            await apply(.confirmationAnswered(confirmation, accepted: accepted), requestID: requestID, client: client)
        case .command(.event(let event), let requestID, let client):
            if [.startPressed, .dialPressed].contains(event)
                || { if case .manualDialRequested = event { return true } else { return false } }()
            {
                await refreshLamp()
                await learnLatestDials()
            }
            await apply(event, requestID: requestID, client: client)
        case .telephony(let attemptID, let progress):
            await telephonyReported(attemptID, progress)
        case .settings(let newSettings):
            settings = newSettings
            await apply(.settingsChanged(newSettings.deskSettings), requestID: nil, client: nil)
        }
    }

    // MARK: Effects

    /// Applies an event and everything it leads to, commits, then tells the screens.
    private func apply(_ event: AgentDesk.Event, requestID: Int?, client: UUID?) async {
        offerDueCallback()
        let rowsBefore = desk.rows.map(\.id)
        // Rows the screens were shown as not saved: the commit below may save them, and the screens must hear it.
        let unsavedBefore = ledger.unsaved
        var queue = [event]
        var notices: [AgentDesk.Notice] = []
        var touched: [UUID] = []
        while !queue.isEmpty {
            let effects = desk.handle(queue.removeFirst(), now: now())
            for effect in effects {
                switch effect {
                case .rowChanged(let id):
                    ledger.markUnsaved(id)
                    touched.append(id)
                case .dial(let call, let rowID, let number):
                    if let follow = await placeCall(call, row: desk.rows.first { $0.id == rowID }, number: number) {
                        queue.append(follow)
                    }
                case .dialNumber(let call, let number):
                    if let follow = await placeCall(call, row: nil, number: number) { queue.append(follow) }
                case .hangUp(let call):
                    if let attempt = ledger.attempt(of: call) { await telephony.hangUp(attempt) }
                case .fetchRows(let limit):
                    await commit()
                    do {
                        let fetched = try await write { scope, userID in
                            try await DeskRowFetcher(scope: scope, userID: userID).fetch(limit: limit)
                        }
                        ledger.rowsFetched(callListByRow: fetched.callListByRow)
                        publishToFloor(lists: Set(fetched.callListByRow.values))
                        queue.append(.rowsFetched(fetched.rows, moreAvailable: fetched.moreAvailable))
                    } catch {
                        logger.error("fetching rows for user \(userID) failed: \(error)")
                        queue.append(.fetchFailed)
                    }
                case .returnToPool(let rows):
                    do {
                        try await write { scope, userID in
                            try await DeskRowFetcher(scope: scope, userID: userID).giveBack(rows: rows)
                        }
                        publishToFloor(lists: Set(rows.compactMap { ledger.rows[$0]?.callListID }))
                    } catch {
                        logger.error("returning rows for user \(userID) failed: \(error)")
                    }
                case .upload(let rows):
                    let committed = await commit()
                    do {
                        guard committed else { throw DeskSessionError.unsavedChanges }
                        let at = now()
                        let summary = try await write { scope, userID in
                            try await UploadFinaliser(scope: scope, userID: userID).finalise(rows: rows, at: at)
                        }
                        logger.info(
                            "upload by user \(userID): \(summary.reported) reported, \(summary.returned) returned")
                        publishToFloor(lists: Set(rows.compactMap { ledger.rows[$0]?.callListID }))
                        ledger.rowsUploaded(rows)
                        queue.append(.uploadCompleted)
                    } catch {
                        logger.error("upload for user \(userID) failed: \(error)")
                        queue.append(.uploadFailed)
                    }
                case .confirm:
                    break  // The question is part of the state every screen receives.
                case .show(let notice):
                    notices.append(notice)
                }
            }
        }
        let committed = await commit()
        if desk.rows.count == 0 && rowsBefore.count > 0 {
            // After an upload the stored position was reset with the rows.
            ledger.positionReset(to: position)
        }
        version += 1
        let full = desk.rows.map(\.id) != rowsBefore
        let changedRows = full ? [] : uniqued(touched + unsavedBefore + ledger.unsaved)
        for target in clients.values {
            target.send(stateText(for: target, full: full, rows: changedRows))
        }
        for notice in notices {
            broadcast { DeskProtocol.encode(DeskProtocol.NoticeMessage(message: notice.explanation.text(in: $0))) }
        }
        if let client {
            if committed {
                acknowledge(requestID, to: client, ok: true)
            } else {
                acknowledge(
                    requestID, to: client, ok: false,
                    message: Label.deskSaveRetrying.text)
            }
        }
    }

    private var position: DeskStore.Position {
        DeskStore.Position(cursor: desk.cursor, autoFetchActive: desk.autoFetchActive, lastCallNumber: desk.callNumber)
    }

    /// Commits the unsaved rows, ▶ and the latest call attempts' memo and flags. False when the database failed;
    /// the rows stay unsaved (the screens show it) and are retried with the next input.
    @discardableResult
    private func commit() async -> Bool {
        await commitAndGate() != nil
    }

    /// `commit()`, answering with the new call attempts the calling rules held back (not recorded), or nil when the
    /// database failed.
    private func commitAndGate() async -> [UUID: DialRefusal]? {
        let position = position
        var changes = ledger.changes(rows: desk.rows, position: position)
        if !unsavedStates.isEmpty {
            if changes == nil { changes = DeskChanges(tenantID: tenantID, userID: userID) }
            changes?.stateChanges = unsavedStates
        }
        changes?.timeZone = timeZone
        guard var changes else {
            savingResumed()
            return [:]
        }
        changes.lease = lease
        do {
            let refusals = try await writer.write(changes)
            publishToFloor(changes)
            ledger.committed(changes, position: position)
            unsavedStates.removeFirst(changes.stateChanges.count)
            savingResumed()
            return refusals
        } catch is DeskLeaseLost {
            await loseLease()
            return nil
        } catch {
            logger.error("saving the phone screen of user \(userID) failed: \(error)")
            savingFailed()
            return nil
        }
    }

    /// Records the attempt, then places the call; a call that cannot be recorded, or that the calling rules hold
    /// back in the recording transaction, is not placed.
    private func placeCall(_ call: CallID, row: AgentDeskRow?, number: String) async -> AgentDesk.Event? {
        let attemptID = UUID()
        var customerID = row?.customerID
        let callback = desk.activeCall?.callback.flatMap { id in callbacks.callbacks.first { $0.id == id } }
        if let callback {
            customerID = row?.customerID ?? callback.customerID
        } else if row == nil {
            // A dial-pad call is linked to the customer with that number.
            do {
                customerID = try await store.customerID(dialling: number)
            } catch {
                logger.error(
                    "call \(attemptID) of user \(userID): looking up the dialled number's customer failed: \(error)")
            }
        }
        ledger.recordAttempt(
            DeskChanges.NewAttempt(
                id: attemptID, phoneExtension: extensionNumber,
                callListID: row.flatMap { ledger.rows[$0.id]?.callListID } ?? callback?.callListID,
                customerID: customerID, workRowID: row?.id, number: number, startedAt: now(),
                notes: row.map(DeskChanges.Notes.init)
                    ?? DeskChanges.Notes(memo: callback?.note ?? "", prospect: false, callback: false),
                kind: desk.activeCall?.kind ?? .dialPad,
                callback: callback.map {
                    DeskChanges.CallbackClaim(
                        id: $0.id, openAfterMinutes: settings.callbackSettings.openToEveryoneAfterMinutes)
                })
        )
        guard let refusals = await commitAndGate() else {
            ledger.forgetAttempt(attemptID)
            logger.error("call \(attemptID) of user \(userID) could not be recorded, so it was not placed")
            return .callEnded(call, .unanswered(.failed))
        }
        if let callback { await callbackDialled(callback, refused: refusals[attemptID] != nil) }
        if let refusal = refusals[attemptID] {
            logger.info("call \(attemptID) of user \(userID) to \(number) held back: \(refusal)")
            return .dialRefused(call, refusal)
        }
        ledger.callPlaced(call, attemptID: attemptID, row: row?.id)
        notePresence(.dialStarted)
        lastCallListID = row.flatMap { ledger.rows[$0.id]?.callListID } ?? callback?.callListID
        talkScript = nil
        var mediaOffer: String?
        if telephony.bridgesAudio {
            // Each call gets a peer connection of its own, so the offer is used once. Right after a call the
            // browser is still preparing the next one: wait for it a little rather than call without audio.
            let offer =
                microphoneGranted == true && !clients.isEmpty
                ? await preparedOffer.next(within: .seconds(2)) : preparedOffer.take()
            if let offer {
                mediaOffer = offer.sdp
                ledger.setMediaClient(offer.client, forAttempt: attemptID)
            } else {
                logger.warning("call \(attemptID) of user \(userID) has no audio: the screen sent no WebRTC offer")
            }
        }
        if let beforeInvite { await beforeInvite(attemptID) }
        // Right before the INVITE: a session whose lease ran out by the monotonic clock (the process was paused)
        // places nothing until the database gives the lease again.
        guard await mayDial() else {
            logger.warning("call \(attemptID) of user \(userID) was recorded but not placed: the lease is not held")
            return .callEnded(call, .unanswered(.failed))
        }
        let request = CallRequest(
            id: attemptID, tenantID: tenantID, number: number, ringTimeoutSeconds: settings.clamped.ringTimeoutSeconds,
            mediaOffer: mediaOffer)
        await telephony.placeCall(request) { [weak self] progress in
            self?.submit(.telephony(attemptID: attemptID, progress))
        }
        return nil
    }

    private func telephonyReported(_ attemptID: UUID, _ progress: CallProgress) async {
        let at = now()
        // Committed with the row changes the report leads to (apply always commits).
        switch progress {
        case .ringing: break
        case .remoteMedia(let sdp, let early):
            // Straight to the screen that made the offer; nothing to store.
            let message = DeskProtocol.encode(DeskProtocol.MediaMessage(call: attemptID, sdp: sdp, early: early))
            if let client = ledger.mediaClient(ofAttempt: attemptID), let target = clients[client] {
                target.send(message)
            }
            return
        case .answered:
            ledger.answered(attemptID, at: at)
            if ledger.call(of: attemptID) != nil { notePresence(.callAnswered) }
            await loadTalkScript(forAttempt: attemptID)
        case .ended:
            break  // Recorded below, once the call it ends is known.
        }
        let call = ledger.call(of: attemptID)
        if case .ended(let ending, let signallingCode) = progress {
            let result: CallResult =
                switch ending {
                case .afterAnswer: .answered
                case .unanswered(let reason): .unanswered(reason)
                }
            ledger.ended(
                DeskChanges.Ending(attemptID: attemptID, at: at, result: result, signallingCode: signallingCode))
            if call != nil { notePresence(.callEnded) }
        }
        guard let call else {
            await commit()
            return
        }
        switch progress {
        case .ringing: await apply(.callRinging(call), requestID: nil, client: nil)
        case .remoteMedia: break
        case .answered: await apply(.callAnswered(call), requestID: nil, client: nil)
        case .ended(let ending, _):
            await apply(.callEnded(call, ending), requestID: nil, client: nil)
        }
    }

    /// 「今後の勧誘お断り」 on a row, during or after its call: the bar is on disk before the screen hears of it.
    private func recordRefusal(of rowID: UUID, note: String, requestID: Int?, client: UUID) async {
        guard let row = desk.rows.first(where: { $0.id == rowID }) else {
            acknowledge(requestID, to: client, ok: false, message: Label.deskUnknownRow.text)
            return
        }
        guard note.count <= AgentDeskRow.memoMaximumLength else {
            acknowledge(
                requestID, to: client, ok: false,
                message: Message.deskTextTooLong(maximum: AgentDeskRow.memoMaximumLength).text)
            return
        }
        let attemptID = ledger.rows[rowID]?.latestAttemptID
        let at = now()
        do {
            _ = try await write { scope, userID in
                try await DialBarStore(scope: scope).recordRefusal(
                    number: row.dialNumber, customerID: row.customerID, note: note, by: userID,
                    callAttemptID: attemptID, at: at)
            }
        } catch {
            logger.error("recording a refusal for row \(rowID) of user \(userID) failed: \(error)")
            acknowledge(requestID, to: client, ok: false, message: Label.deskSaveRetrying.text)
            return
        }
        logger.info("refusal recorded for row \(rowID) by user \(userID)")
        // A bar changes the lists' counts of barred rows.
        floorEvents.publish(FloorEvent(tenantID: tenantID, agents: [userID], everything: true))
        await apply(.refusalRecorded(rowID), requestID: requestID, client: client)
        broadcast {
            DeskProtocol.encode(DeskProtocol.NoticeMessage(message: Label.deskRefusalRecorded.text.text(in: $0)))
        }
    }

    /// The answered call's list may carry a talk script: fill it in for this customer and agent.
    private func loadTalkScript(forAttempt attemptID: UUID) async {
        guard let call = ledger.call(of: attemptID), desk.activeCall?.id == call, let rowID = desk.activeCall?.row,
            let row = desk.rows.first(where: { $0.id == rowID }), let listID = ledger.rows[rowID]?.callListID
        else { return }
        guard let rules = await listRules(listID), !rules.talkScript.isEmpty,
            case .success(let script) = TalkScript.parse(rules.talkScript)
        else { return }
        talkScript = (
            script,
            TalkScript.Values(
                ourCompany: companyName, agent: agentName, company: row.company, contact: row.contactName,
                product: rules.product)
        )
    }

    /// A list's rules as read at most a minute ago: the answered call shows its script without a read each time,
    /// and a script edited on the list shows from the next minute. (The rules that decide a dial are read in the
    /// dial's own transaction, never from here.)
    private func listRules(_ listID: UUID) async -> CallListRules? {
        let at = now()
        if let cached = listRulesRead[listID], at.timeIntervalSince(cached.at) < 60 { return cached.rules }
        do {
            guard let list = try await scope.find(CallList.self, id: listID) else { return nil }
            listRulesRead[listID] = (list.rules, at)
            return list.rules
        } catch {
            logger.error("reading the talk script of list \(listID) failed: \(error)")
            return nil
        }
    }

    private func refreshLamp() async {
        toneRoute = await telephony.toneRoute(tenantID: tenantID)
        var readiness = await telephony.readiness(tenantID: tenantID)
        if readiness.isReady, telephony.bridgesAudio, microphoneGranted != true {
            readiness = TelephonyReadiness(
                isReady: false, reason: microphoneGranted == nil ? Self.microphoneUnknown : Self.microphoneDenied)
        }
        guard readiness != lamp || desk.phoneReady != readiness.isReady else { return }
        lamp = readiness
        _ = desk.handle(.phoneReadinessChanged(readiness.isReady), now: now())
    }

    static let microphoneDenied = Label.deskMicrophoneDenied.text
    static let toneOutsideCall = Label.deskToneOutsideCall.text
    static let toneInMedia = Label.deskToneInMedia.text
    static let microphoneUnknown = Label.deskMicrophoneUnknown.text

    /// The double-dial guard looks at calls by anyone in the tenant, not only this screen.
    private func learnLatestDials() async {
        do {
            desk.noteLastDialed(try await store.lastDialed(numbers: Set(desk.rows.map(\.dialNumber))))
        } catch {
            logger.error("reading the latest dials failed: \(error)")
        }
    }

    // MARK: The agent's state

    /// Feeds the agent's state machine; its changes go with the next commit. When the last screen closed, a timer
    /// checks after the reconnection grace whether the agent has gone.
    private func notePresence(_ event: AgentStateMachine.Event) {
        unsavedStates += presence.handle(event, at: now()).map { change in
            DeskChanges.StateFact(change: change, callListID: change.previous == .wrapUp ? lastCallListID : nil)
        }
        presenceTimer?.cancel()
        guard let due = presence.offlineDue else { return }
        let delay = max(0, due.timeIntervalSince(now())) + 0.05
        presenceTimer = Task { [weak self] in
            try? await Task.sleep(for: .seconds(delay))
            if !Task.isCancelled { self?.submit(.presenceGraceElapsed) }
        }
    }

    /// Tells the managers' boards what a commit changed: this agent, and the lists of its calls and rows.
    private func publishToFloor(_ changes: DeskChanges) {
        var lists = Set(changes.newAttempts.compactMap(\.callListID))
        for row in changes.rows {
            if let list = ledger.rows[row.id]?.callListID { lists.insert(list) }
        }
        floorEvents.publish(FloorEvent(tenantID: tenantID, agents: [userID], lists: Array(lists)))
    }

    private func publishToFloor(lists: Set<UUID>) {
        floorEvents.publish(FloorEvent(tenantID: tenantID, agents: [userID], lists: Array(lists)))
    }

    /// The agent's state now (tests read it).
    var agentState: AgentStateMachine { presence }

    // MARK: Timed callbacks

    /// The tenant's zone, looked up again only when 設定 names another (every commit carries it).
    private var timeZone: TimeZone {
        if zoneCache?.identifier != settings.timeZoneIdentifier {
            zoneCache = (settings.timeZoneIdentifier, TenantCalendar(identifier: settings.timeZoneIdentifier).timeZone)
        }
        return zoneCache!.zone
    }

    /// The section above the list as of now.
    private func callbackSection() -> CallbackSection {
        let barred = barredCallbacks
        return CallbackSection.make(
            for: userID, callbacks: callbacks.callbacks, now: now(), settings: settings.callbackSettings,
            window: settings.callingWindow, listWindows: callbackListWindows, timeZone: timeZone,
            isBarred: { barred.contains($0.id) })
    }

    /// The callback as the desk dials it: on the customer's row when the list still holds it.
    private func dueCallback(_ callback: Callback) -> AgentDesk.DueCallback {
        let row = desk.rows.first { row in
            callback.customerID.map { row.customerID == $0 } ?? (row.dialNumber == callback.number)
        }
        return AgentDesk.DueCallback(id: callback.id, number: callback.number, row: row?.id)
    }

    /// With 「期限の来た再架電を次に発信」 on, the most overdue callback the agent may dial now is the walk's next dial.
    private func offerDueCallback() {
        guard settings.dueCallbacksDialNext, let next = callbackSection().dialNext else {
            desk.offerDueCallback(nil)
            return
        }
        desk.offerDueCallback(dueCallback(next))
    }

    /// Reads the section's callbacks again, with their bars and their lists' windows, and arms the timer for the
    /// next change by the clock.
    private func reloadCallbacks() async {
        do {
            let loaded = try await CallbackStore(scope: scope).forDesk(
                userID: userID, now: now(), openAfterMinutes: settings.callbackSettings.openToEveryoneAfterMinutes)
            let barred = try await DialBarStore(scope: scope).isBarred(
                numbers: loaded.callbacks.map(\.number), customers: loaded.callbacks.compactMap(\.customerID))
            let listIDs = Array(Set(loaded.callbacks.compactMap(\.callListID)))
            var windows: [UUID: CallingWindow] = [:]
            if !listIDs.isEmpty {
                for list in try await scope.query(CallList.self).filter(\.$id ~~ listIDs).all() {
                    if let id = list.id, let window = list.rules.callingWindow { windows[id] = window }
                }
            }
            callbacks = loaded
            barredCallbacks = Set(
                loaded.callbacks.filter { barred.contains(number: $0.number, customer: $0.customerID) }.map(\.id))
            callbackListWindows = windows
        } catch {
            logger.error("reading the callbacks of user \(userID) failed: \(error)")
        }
        armCallbackTimer()
    }

    private func armCallbackTimer() {
        callbackTimer?.cancel()
        let next = [callbackSection().nextChange, callbacks.nextOpening].compactMap { $0 }.min()
        // Also once an hour, so a screen left open all day stays right whatever happens to the clock.
        let delay = min(3600, max(0, next.map { $0.timeIntervalSince(now()) } ?? 3600)) + 0.05
        callbackTimer = Task { [weak self] in
            try? await Task.sleep(for: .seconds(delay))
            if !Task.isCancelled { self?.submit(.callbacksChanged) }
        }
    }

    /// A callback's dial was recorded (it is taken) or held back: the section changes, and so do the other
    /// screens' when it was open to everyone.
    private func callbackDialled(_ callback: Callback, refused: Bool) async {
        if !refused { callbacks.callbacks.removeAll { $0.id == callback.id } }
        if refused || callback.ownerID != userID { tenantCallbacksChanged() }
        if refused { await reloadCallbacks() }
    }

    /// 再架電 with a date, a time and a note: checked against the row's calling window and the bars, stored, then
    /// the row's 再架電 is ticked. Bad input changes nothing and the screen says why.
    private func scheduleCallback(
        on rowID: UUID, date: String, time: String, note: String, requestID: Int?, client: UUID
    ) async {
        guard let row = desk.rows.first(where: { $0.id == rowID }) else {
            acknowledge(requestID, to: client, ok: false, message: Label.deskUnknownRow.text)
            return
        }
        let at = now()
        let listID = ledger.rows[rowID]?.callListID
        let request: CallbackRequest?
        do {
            var window = settings.callingWindow
            if let listID, let list = try await scope.find(CallList.self, id: listID) {
                window = list.rules.window(within: window)
            }
            switch CallbackRequest.parse(
                date: date, time: time, note: note, now: at, window: window, timeZone: timeZone)
            {
            case .failure(let problem):
                acknowledge(requestID, to: client, ok: false, message: problem.explanation)
                return
            case .success(let parsed): request = parsed
            }
            if request != nil {
                let barred = try await DialBarStore(scope: scope).isBarred(
                    numbers: [row.dialNumber], customers: row.customerID.map { [$0] } ?? [])
                guard !barred.contains(number: row.dialNumber, customer: row.customerID) else {
                    acknowledge(requestID, to: client, ok: false, message: Label.dialRefusedBarred.text)
                    return
                }
            }
        } catch {
            logger.error("checking a callback for row \(rowID) of user \(userID) failed: \(error)")
            acknowledge(requestID, to: client, ok: false, message: Label.deskSaveRetrying.text)
            return
        }
        if let request {
            let callback = Callback(
                id: UUID(), customerID: row.customerID, number: row.dialNumber, company: row.company,
                contactName: row.contactName, callListID: listID, ownerID: userID, dueAt: request.dueAt,
                note: request.note, createdAt: at, phone: row.phone)
            let attemptID = ledger.rows[rowID]?.latestAttemptID
            do {
                try await write { scope, userID in
                    try await CallbackStore(scope: scope).schedule(
                        callback, by: userID, setAttemptID: attemptID, at: at)
                }
            } catch {
                logger.error("storing a callback for row \(rowID) of user \(userID) failed: \(error)")
                acknowledge(requestID, to: client, ok: false, message: Label.deskSaveRetrying.text)
                return
            }
            logger.info("callback \(callback.id) set for row \(rowID) by user \(userID)")
            await reloadCallbacks()
        }
        await apply(.callbackSet(rowID, true), requestID: requestID, client: client)
    }

    // MARK: Telling the screens

    private func acknowledge(_ requestID: Int?, to client: UUID, ok: Bool, message: LocalizedText? = nil) {
        guard let target = clients[client] else { return }
        target.send(
            DeskProtocol.encode(
                DeskProtocol.AckMessage(
                    id: requestID, version: version, ok: ok, message: message?.text(in: target.language))))
    }

    private func broadcast(_ text: (Language) -> String) {
        for target in clients.values { target.send(text(target.language)) }
    }

    private func stateText(for client: Client, full: Bool, rows changed: [UUID]) -> String {
        var view = DeskView(
            desk: desk, settings: settings, lamp: lamp, extensionNumber: extensionNumber, unsaved: Set(ledger.unsaved))
        view.bridgesAudio = telephony.bridgesAudio
        view.audioNote = telephony.bridgesAudio ? nil : telephony.noAudioNote
        view.toneRoute = toneRoute
        view.talkScript = talkScript
        view.callbacks = callbackSection()
        view.presence = presence
        view.savingPaused = savingPaused
        return DeskProtocol.encode(
            view.state(version: version, language: client.language, full: full, rows: changed, now: now()))
    }

    private func uniqued(_ ids: [UUID]) -> [UUID] {
        var seen = Set<UUID>()
        return ids.filter { seen.insert($0).inserted }
    }
}

enum DeskSessionError: Error {
    case unsavedChanges
}
