import Foundation

/// What one signed-in user may do, from their role, their own 「コールリスト作成」 right and the tenant's settings
/// (the manual's 「管理者側の設定」). The routes, the menu and the templates all ask this one value.
///
/// | question | 管理者 | 一般 |
/// |---|---|---|
/// | see a customer | every one | every one, or only their own (顧客情報の表示) |
/// | edit a customer | every one | every one, their own, or none (顧客情報の編集) |
/// | import, create lists, リスト再作成 | yes | with コールリスト作成 |
/// | 顧客CSVダウンロード, 削除 | yes | when 顧客CSV出力・削除ボタン is 表示 |
/// | see every call in 通話一覧 | yes | only their own |
/// | 配布 | yes | with コールリスト作成 |
/// | ユーザ管理, 設定 | yes | no |
/// | 架電禁止リスト, lifting a refusal (勧誘お断りの解除) | yes | no |
/// | 稼働状況 (the live board, `/api/v1/floor`) | yes (home page) | no |
/// | レポート and its CSV | yes | no |
public struct Permissions: Sendable, Hashable {
    /// The user the answers are for.
    public let userID: UUID
    /// 管理者 (as opposed to 一般).
    public let isAdministrator: Bool
    /// The user's own 「コールリスト作成」 right; an administrator has it always.
    public let mayCreateListsByRight: Bool
    public let customerScope: TenantSettings.CustomerScope
    public let customerEdit: TenantSettings.CustomerEditRight
    public let csvExportAndDeleteEnabled: Bool

    public init(userID: UUID, isAdministrator: Bool, mayCreateLists: Bool, settings: TenantSettings) {
        self.userID = userID
        self.isAdministrator = isAdministrator
        self.mayCreateListsByRight = mayCreateLists
        self.customerScope = settings.customerScope
        self.customerEdit = settings.customerEdit
        self.csvExportAndDeleteEnabled = settings.csvExportAndDeleteEnabled
    }

    /// Import customers, build call lists (import as a list, リスト再作成).
    public var canCreateLists: Bool { isAdministrator || mayCreateListsByRight }

    /// 顧客インポート.
    public var canImport: Bool { canCreateLists }

    /// 顧客CSVダウンロード and 削除 on 顧客一覧.
    public var canExportAndDelete: Bool { isAdministrator || csvExportAndDeleteEnabled }

    /// Every agent's calls in 通話一覧 (otherwise only one's own).
    public var seesEveryCall: Bool { isAdministrator }

    /// ユーザ管理.
    public var canManageUsers: Bool { isAdministrator }

    /// 設定.
    public var canManageSettings: Bool { isAdministrator }

    /// 架電禁止リスト: add, import, export and lift bars, refusals included (only with a reason).
    public var canManageDoNotCall: Bool { isAdministrator }

    /// 再架電予定: every agent's timed callbacks, and handing one to another agent (otherwise only one's own).
    public var canManageCallbacks: Bool { isAdministrator }

    /// 稼働状況: the live board of agents and lists (the 管理者's home page) and its JSON for wall displays.
    public var canViewFloor: Bool { isAdministrator }

    /// レポート: every agent's and list's figures over a period, and their CSV.
    public var canViewReports: Bool { isAdministrator }

    /// 配布: hand a call list's rows to agents (whoever builds lists hands them out).
    public var canDistributeLists: Bool { canCreateLists }

    /// The owner 顧客一覧 is narrowed to, when the user sees only their own customers.
    public var onlyCustomersOwnedBy: UUID? {
        !isAdministrator && customerScope == .ownCustomersOnly ? userID : nil
    }

    /// Whether the user may open a customer with this owner at all.
    public func canSee(customerOwnedBy owner: UUID?) -> Bool {
        onlyCustomersOwnedBy.map { $0 == owner } ?? true
    }

    /// Whether the user may change a customer with this owner.
    public func canEdit(customerOwnedBy owner: UUID?) -> Bool {
        guard canSee(customerOwnedBy: owner) else { return false }
        if isAdministrator { return true }
        switch customerEdit {
        case .all: return true
        case .own: return owner == userID
        case .none: return false
        }
    }

    /// 「自分を担当者にする」: allowed wherever editing one's own customers is, since it is how one becomes the owner.
    public func canTakeOver(customerOwnedBy owner: UUID?) -> Bool {
        canEdit(customerOwnedBy: owner) || (canSee(customerOwnedBy: owner) && customerEdit == .own)
    }
}
