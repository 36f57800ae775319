import Foundation

extension AgentDesk {
    /// Applies one event and returns what the host must do, in order.
    public mutating func handle(_ event: Event, now: Date) -> [Effect] {
        switch event {
        case .startPressed: return start(now: now)
        case .stopPressed: return stop()
        case .dialPressed: return dialAtCursor(arming: false, now: now)
        case .hangUpPressed: return hangUp()
        case .cursorMoved(let index): return moveCursor(to: index)
        case .doneSet(let row, let value): return editRow(row) { $0.done = value }
        case .prospectSet(let row, let value): return editRow(row) { $0.prospect = value }
        case .callbackSet(let row, let value): return editRow(row) { $0.callback = value }
        case .memoEdited(let row, let text):
            guard text.count <= AgentDeskRow.memoMaximumLength else {
                return [.show(.textTooLong(maximum: AgentDeskRow.memoMaximumLength))]
            }
            return editRow(row) { $0.memo = text }
        case .contactNameEdited(let row, let text):
            guard text.count <= AgentDeskRow.contactNameMaximumLength else {
                return [.show(.textTooLong(maximum: AgentDeskRow.contactNameMaximumLength))]
            }
            return editRow(row) { $0.contactName = text }
        case .refusalRecorded(let row): return editRow(row) { $0.hold = .barred }
        case .downloadPressed: return download()
        case .uploadPressed: return requestUpload()
        case .confirmationAnswered(let confirmation, let accepted):
            return answer(confirmation, accepted: accepted, now: now)
        case .manualDialRequested(let text): return manualDial(text, now: now)
        case .callbackDialRequested(let callback): return dialCallback(callback, now: now)
        case .rowsFetched(let fetched, let moreAvailable):
            return receive(fetched, moreAvailable: moreAvailable, now: now)
        case .fetchFailed:
            guard isFetching else { return [] }
            pending = nil
            if activeCall == nil { autoDialArmed = false }
            return [.show(.fetchFailed)]
        case .uploadCompleted: return completeUpload()
        case .uploadFailed:
            guard pending == .upload else { return [] }
            pending = nil
            return [.show(.uploadFailed)]
        case .callRinging(let id):
            guard activeCall?.id == id, activeCall?.stage == .dialing else { return [] }
            activeCall?.stage = .ringing
            return []
        case .callAnswered(let id): return callAnswered(id, now: now)
        case .callEnded(let id, let ending): return callEnded(id, ending: ending, now: now)
        case .dialRefused(let id, let refusal): return dialRefused(id, refusal, now: now)
        case .phoneReadinessChanged(let ready):
            phoneReady = ready
            return []
        case .settingsChanged(let newSettings):
            settings = newSettings
            if newSettings.dialingMode == .manual { autoDialArmed = false }
            if newSettings.fetchMode == .manual { autoFetchActive = false }
            return []
        }
    }

    // MARK: Dialing

    private mutating func start(now: Date) -> [Effect] {
        if activeCall != nil { return [.show(.callInProgress)] }
        return dialAtCursor(arming: settings.dialingMode == .automatic, now: now)
    }

    private mutating func stop() -> [Effect] {
        autoDialArmed = false
        switch pending {
        case .fetch: pending = .fetch(dialAfterwards: false)
        case .confirmation(.redialRecentlyCalled): pending = nil
        default: break
        }
        return []
    }

    /// 開始 / 発信: dial the first row without 済 at or below ▶, asking first when it was dialled recently. A press
    /// starts a new pass: rows held back in the last one are tried again (the server decides again).
    private mutating func dialAtCursor(arming: Bool, now: Date) -> [Effect] {
        if activeCall != nil { return [.show(.callInProgress)] }
        if pending == .upload || isFetching { return [.show(.busyWithPreviousRequest)] }
        guard phoneReady else { return [.show(.phoneNotReady)] }
        var released: [Effect] = []
        for index in rows.indices where rows[index].hold != nil {
            rows[index].hold = nil
            released.append(.rowChanged(rows[index].id))
        }
        return released + dialFirstUndone(arming: arming, now: now)
    }

    private mutating func dialFirstUndone(arming: Bool, now: Date) -> [Effect] {
        if arming, let callback = takeDueCallback() {
            autoDialArmed = true
            return dial(callback, kind: .automatic, now: now)
        }
        guard let target = firstUndone(from: cursor) else {
            if rows.isEmpty { return [.show(.nothingToDial)] }
            if arming, settings.fetchMode == .automatic, autoFetchActive {
                autoDialArmed = true
                return requestFetch(dialAfterwards: true)
            }
            autoDialArmed = false
            return [.show(.endOfList)]
        }
        let row = rows[target]
        if let last = row.lastDialedAt, settings.doubleDialGuardSeconds > 0,
            now.timeIntervalSince(last) < Double(settings.doubleDialGuardSeconds)
        {
            let confirmation = Confirmation.redialRecentlyCalled(row: row.id, lastDialedAt: last, arming: arming)
            pending = .confirmation(confirmation)
            cursor = target
            return [.confirm(confirmation)]
        }
        if arming { autoDialArmed = true }
        return dial(rowAt: target, kind: arming ? .automatic : .manualRow, now: now)
    }

    /// Dials the row at `index`. For a timed callback on the customer's row the number is the callback's and ▶
    /// stays where it is; otherwise ▶ moves to the row.
    mutating func dial(rowAt index: Int, kind: DialKind, now: Date, callback: DueCallback? = nil) -> [Effect] {
        guard phoneReady else {
            autoDialArmed = false
            return [.show(.phoneNotReady)]
        }
        lastCallNumber += 1
        let id = CallID(lastCallNumber)
        if callback == nil { cursor = index }
        let before = rows[index]
        rows[index].calledAt = now
        rows[index].lastDialedAnywhereAt = now
        rows[index].hold = nil
        let row = rows[index]
        let number = callback?.number ?? row.dialNumber
        activeCall = ActiveCall(
            id: id, row: row.id, number: number, stage: .dialing, startedAt: now, answeredAt: nil, kind: kind,
            cursorMovedByAgent: false, rowCalledAtBefore: before.calledAt,
            rowLastDialedAnywhereBefore: before.lastDialedAnywhereAt, callback: callback?.id)
        return [.rowChanged(row.id), .dial(id, row: row.id, number: number)]
    }

    private mutating func manualDial(_ text: String, now: Date) -> [Effect] {
        if activeCall != nil { return [.show(.callInProgress)] }
        guard phoneReady else { return [.show(.phoneNotReady)] }
        let typed = text.trimmingCharacters(in: .whitespaces)
        if DialKind.emergencyNumbers.contains(typed) {
            lastCallNumber += 1
            let id = CallID(lastCallNumber)
            activeCall = ActiveCall(
                id: id, row: nil, number: typed, stage: .dialing, startedAt: now, answeredAt: nil, kind: .emergency,
                cursorMovedByAgent: false)
            return [.dialNumber(id, number: typed)]
        }
        switch PhoneNumber.parse(text) {
        case .failure(let error):
            return [.show(.invalidNumber(error))]
        case .success(let number):
            lastCallNumber += 1
            let id = CallID(lastCallNumber)
            activeCall = ActiveCall(
                id: id, row: nil, number: number.e164, stage: .dialing, startedAt: now, answeredAt: nil, kind: .dialPad,
                cursorMovedByAgent: false)
            return [.dialNumber(id, number: number.e164)]
        }
    }

    private mutating func hangUp() -> [Effect] {
        guard let call = activeCall, call.stage != .hangingUp else { return [] }
        activeCall?.stage = .hangingUp
        return [.hangUp(call.id)]
    }

    // MARK: Call progress

    private mutating func callAnswered(_ id: CallID, now: Date) -> [Effect] {
        guard let call = activeCall, call.id == id, call.answeredAt == nil else { return [] }
        activeCall?.answeredAt = now
        if call.stage != .hangingUp { activeCall?.stage = .talking }
        guard let rowID = call.row, let index = index(of: rowID) else { return [] }
        // 応答 and 済 show as soon as the customer picks up.
        rows[index].result = .answered
        rows[index].done = true
        return [.rowChanged(rowID)]
    }

    private mutating func callEnded(_ id: CallID, ending: CallEnding, now: Date) -> [Effect] {
        guard let call = activeCall, call.id == id else { return [] }
        activeCall = nil
        let answered = ending == .afterAnswer
        var effects: [Effect] = []
        let dialedIndex = call.row.flatMap { index(of: $0) }
        if let dialedIndex {
            let rowID = rows[dialedIndex].id
            switch ending {
            case .afterAnswer:
                if call.answeredAt == nil {
                    rows[dialedIndex].result = .answered
                    rows[dialedIndex].done = true
                    effects.append(.rowChanged(rowID))
                }
            case .unanswered(let reason):
                rows[dialedIndex].result = .unanswered(reason)
                rows[dialedIndex].done = settings.doneMarkedOn == .everyDialedCall
                effects.append(.rowChanged(rowID))
            }
        }
        // A callback's call leaves ▶ where it was: the walk goes on from there.
        if call.callback != nil { return effects + walkOnAfterCallback(call, answered: answered, now: now) }
        guard let dialedIndex else { return effects }

        // 終了 was pressed during the call (automatic dialing): ▶ stays on the row just called.
        if settings.dialingMode == .automatic && !autoDialArmed { return effects }
        let moveOn = autoDialArmed && (!answered || settings.autoNextAfter == .everyCall)
        return effects
            + walkOn(
                from: dialedIndex, cursorMovedByAgent: call.cursorMovedByAgent, dialNext: moveOn, now: now)
    }

    /// After the call on row `dialedIndex`: ▶ goes to the next row without 済 and, when `dialNext`, it is dialled;
    /// past the last row, automatic fetch fetches more, otherwise auto-dial stops.
    mutating func walkOn(from dialedIndex: Int, cursorMovedByAgent: Bool, dialNext: Bool, now: Date)
        -> [Effect]
    {
        let next = cursorMovedByAgent ? firstUndone(from: cursor) : firstUndone(from: dialedIndex + 1)
        guard let next else {
            if settings.fetchMode == .automatic && autoFetchActive {
                return requestFetch(dialAfterwards: dialNext)
            }
            if cursorMovedByAgent == false { cursor = dialedIndex }
            if autoDialArmed {
                autoDialArmed = false
                return [.show(.endOfList)]
            }
            return []
        }
        cursor = next
        guard dialNext else { return [] }
        // ▶ is on the next row already; a due callback goes first when the tenant wants it so.
        if let callback = takeDueCallback() { return dial(callback, kind: .automatic, now: now) }
        return dial(rowAt: next, kind: .automatic, now: now)
    }

    /// The server held the dial back: nothing was dialled. The row shows why and keeps its 架電日時; an automatic
    /// walk moves on to the next row (or stops when the window closed), a manual dial gets the reason.
    private mutating func dialRefused(_ id: CallID, _ refusal: DialRefusal, now: Date) -> [Effect] {
        guard let call = activeCall, call.id == id else { return [] }
        activeCall = nil
        let notice = Effect.show(.dialRefused(refusal, timeZone: settings.timeZone))
        var effects: [Effect] = []
        let index = call.row.flatMap { self.index(of: $0) }
        if let index {
            rows[index].calledAt = call.rowCalledAtBefore
            rows[index].lastDialedAnywhereAt = call.rowLastDialedAnywhereBefore
            // A callback someone else took says nothing about the row itself.
            if refusal != .callbackTaken { rows[index].hold = refusal }
            effects.append(.rowChanged(rows[index].id))
        }
        guard call.kind == .automatic, autoDialArmed, !refusal.stopsTheWalk else {
            if refusal.stopsTheWalk { autoDialArmed = false }
            return effects + [notice]
        }
        if call.callback != nil { return effects + [notice] + walkOnAfterCallback(call, answered: false, now: now) }
        guard let index else { return effects + [notice] }
        return effects + walkOn(from: index, cursorMovedByAgent: call.cursorMovedByAgent, dialNext: true, now: now)
    }

    // MARK: Agent edits

    private mutating func moveCursor(to index: Int) -> [Effect] {
        guard index >= 0, index < rows.count else { return [.show(.invalidCursor)] }
        cursor = index
        if activeCall != nil { activeCall?.cursorMovedByAgent = true }
        return []
    }

    private mutating func editRow(_ id: AgentDeskRow.ID, _ change: (inout AgentDeskRow) -> Void) -> [Effect] {
        guard let index = index(of: id) else { return [.show(.unknownRow)] }
        let before = rows[index]
        change(&rows[index])
        return rows[index] == before ? [] : [.rowChanged(id)]
    }

    // MARK: Fetching

    private mutating func download() -> [Effect] {
        if isFetching || pending == .upload { return [.show(.busyWithPreviousRequest)] }
        if settings.fetchMode == .automatic { autoFetchActive = true }
        guard rows.count < settings.workListCap else {
            return [.show(.workListCapExceeded(cap: settings.workListCap))]
        }
        return requestFetch(dialAfterwards: false)
    }

    private mutating func requestFetch(dialAfterwards: Bool) -> [Effect] {
        let room = settings.workListCap - rows.count
        guard room > 0 else {
            if dialAfterwards { autoDialArmed = false }
            return [.show(.workListCapExceeded(cap: settings.workListCap))]
        }
        pending = .fetch(dialAfterwards: dialAfterwards)
        return [.fetchRows(limit: room)]
    }

    private mutating func receive(_ fetched: [AgentDeskRow], moreAvailable: Bool, now: Date) -> [Effect] {
        let dialAfterwards: Bool
        if case .fetch(let value) = pending {
            dialAfterwards = value
            pending = nil
        } else {
            dialAfterwards = false
        }
        let known = Set(rows.map(\.id))
        let fresh = fetched.filter { !known.contains($0.id) }
        let room = max(0, settings.workListCap - rows.count)
        let accepted = Array(fresh.prefix(room))
        var effects: [Effect] = []
        let firstNew = rows.count
        rows.append(contentsOf: accepted)
        if fresh.count > room {
            effects.append(.returnToPool(rows: fresh.dropFirst(room).map(\.id)))
        }
        if fresh.isEmpty {
            effects.append(.show(.noListAvailable))
        } else if fresh.count > room || (moreAvailable && rows.count >= settings.workListCap) {
            effects.append(.show(.workListCapExceeded(cap: settings.workListCap)))
        }
        guard dialAfterwards else {
            if fresh.isEmpty && autoDialArmed && activeCall == nil { autoDialArmed = false }
            return effects
        }
        guard activeCall == nil, autoDialArmed, let next = firstUndone(from: firstNew) else {
            if activeCall == nil && autoDialArmed {
                autoDialArmed = false
                if !fresh.isEmpty { effects.append(.show(.endOfList)) }
            }
            return effects
        }
        return effects + dial(rowAt: next, kind: .automatic, now: now)
    }

    // MARK: Upload

    private mutating func requestUpload() -> [Effect] {
        if activeCall != nil { return [.show(.uploadRefusedDuringCall)] }
        if pending == .upload || isFetching { return [.show(.busyWithPreviousRequest)] }
        guard !rows.isEmpty else { return [.show(.nothingToUpload)] }
        pending = .confirmation(.upload)
        return [.confirm(.upload)]
    }

    private mutating func completeUpload() -> [Effect] {
        guard pending == .upload else { return [] }
        pending = nil
        rows = []
        cursor = 0
        autoDialArmed = false
        autoFetchActive = false
        return []
    }

    private mutating func answer(_ confirmation: Confirmation, accepted: Bool, now: Date) -> [Effect] {
        guard pending == .confirmation(confirmation) else { return [] }
        pending = nil
        guard accepted else { return [] }
        switch confirmation {
        case .upload:
            if activeCall != nil { return [.show(.uploadRefusedDuringCall)] }
            pending = .upload
            return [.upload(rows: rows.map(\.id))]
        case .redialRecentlyCalled(let rowID, _, let arming):
            if activeCall != nil { return [.show(.callInProgress)] }
            guard let index = index(of: rowID) else { return [.show(.unknownRow)] }
            if arming { autoDialArmed = true }
            return dial(rowAt: index, kind: arming ? .automatic : .manualRow, now: now)
        }
    }
}
