import Foundation
import Testing
import TsunaguCore

/// Who may do what (the manual's 「管理者側の設定」 and the user's コールリスト作成 right), for every role × setting.
@Suite struct PermissionsTests {
    static let me = UUID()
    static let someoneElse = UUID()

    static func permissions(
        admin: Bool, lists: Bool = false, scope: TenantSettings.CustomerScope = .allCustomers,
        edit: TenantSettings.CustomerEditRight = .all, csv: Bool = true
    ) -> Permissions {
        var settings = TenantSettings()
        settings.customerScope = scope
        settings.customerEdit = edit
        settings.csvExportAndDeleteEnabled = csv
        return Permissions(userID: me, isAdministrator: admin, mayCreateLists: lists, settings: settings)
    }

    /// An administrator may do everything, whatever the tenant's settings say about agents.
    @Test func administratorMayDoEverything() {
        for scope in TenantSettings.CustomerScope.allCases {
            for edit in TenantSettings.CustomerEditRight.allCases {
                for csv in [true, false] {
                    let admin = Self.permissions(admin: true, scope: scope, edit: edit, csv: csv)
                    #expect(admin.canCreateLists && admin.canImport && admin.canDistributeLists)
                    #expect(admin.canExportAndDelete && admin.seesEveryCall)
                    #expect(admin.canManageUsers && admin.canManageSettings && admin.canManageDoNotCall)
                    #expect(admin.onlyCustomersOwnedBy == nil)
                    for owner in [Self.me, Self.someoneElse, nil] {
                        #expect(admin.canSee(customerOwnedBy: owner) && admin.canEdit(customerOwnedBy: owner))
                        #expect(admin.canTakeOver(customerOwnedBy: owner))
                    }
                }
            }
        }
    }

    /// An agent never manages users or settings and sees only their own calls; lists need the user's own right.
    @Test func agentRights() {
        let agent = Self.permissions(admin: false)
        #expect(!agent.canManageUsers && !agent.canManageSettings && !agent.seesEveryCall)
        // The 架電禁止リスト and lifting a refusal are the managers' alone, whatever else the agent may do.
        #expect(!agent.canManageDoNotCall && !Self.permissions(admin: false, lists: true).canManageDoNotCall)
        #expect(!agent.canCreateLists && !agent.canImport && !agent.canDistributeLists)
        let builder = Self.permissions(admin: false, lists: true)
        #expect(builder.canCreateLists && builder.canImport && builder.canDistributeLists)
        #expect(!builder.canManageUsers && !builder.canManageSettings)
    }

    /// 顧客CSV出力・削除ボタン: 表示 lets agents download and delete; 非表示 stops them.
    @Test func csvExportAndDeleteFollowsTheSetting() {
        #expect(Self.permissions(admin: false, csv: true).canExportAndDelete)
        #expect(!Self.permissions(admin: false, csv: false).canExportAndDelete)
    }

    /// 顧客情報の表示 × 顧客情報の編集, for a customer of one's own, of someone else and of nobody.
    @Test func customerVisibilityAndEditing() {
        // (scope, edit) → (sees own, sees other, edits own, edits other, edits unowned, takes over other)
        let table: [(TenantSettings.CustomerScope, TenantSettings.CustomerEditRight, [Bool])] = [
            (.allCustomers, .all, [true, true, true, true, true, true]),
            (.allCustomers, .own, [true, true, true, false, false, true]),
            (.allCustomers, .none, [true, true, false, false, false, false]),
            (.ownCustomersOnly, .all, [true, false, true, false, false, false]),
            (.ownCustomersOnly, .own, [true, false, true, false, false, false]),
            (.ownCustomersOnly, .none, [true, false, false, false, false, false]),
        ]
        for (scope, edit, expected) in table {
            let agent = Self.permissions(admin: false, scope: scope, edit: edit)
            let answers = [
                agent.canSee(customerOwnedBy: Self.me), agent.canSee(customerOwnedBy: Self.someoneElse),
                agent.canEdit(customerOwnedBy: Self.me), agent.canEdit(customerOwnedBy: Self.someoneElse),
                agent.canEdit(customerOwnedBy: nil), agent.canTakeOver(customerOwnedBy: Self.someoneElse),
            ]
            #expect(answers == expected, "\(scope) × \(edit)")
            #expect(agent.onlyCustomersOwnedBy == (scope == .ownCustomersOnly ? Self.me : nil))
        }
    }
}
