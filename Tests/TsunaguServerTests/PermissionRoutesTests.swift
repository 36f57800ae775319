import Fluent
import Foundation
import Testing
import TsunaguCore
import Vapor

@testable import TsunaguServer

/// Every route and the menu, for each role × setting: a route answers 403 exactly where `Permissions` says no (404
/// for a customer the user may not see), and the menu shows exactly the entries that are allowed. A new route that
/// the table below does not know fails the test, so that it gets a line.
@Suite struct PermissionRoutesTests {
    enum Expected: Equatable, CustomStringConvertible {
        case allowed, forbidden, notFound

        var description: String {
            switch self {
            case .allowed: "allowed"
            case .forbidden: "403"
            case .notFound: "404"
            }
        }
    }

    /// The customer a customer route is tried on: the signed-in user's own, or someone else's.
    enum Owner: CaseIterable { case mine, someoneElses }

    /// What each route answers, from the user's permissions and, for a customer's routes, whose customer it is.
    static func expected(_ method: HTTPMethod, _ path: String, _ permissions: Permissions, owner: UUID?) -> Expected? {
        func allowed(_ yes: Bool) -> Expected { yes ? .allowed : .forbidden }
        func customer(_ may: (Permissions) -> Bool) -> Expected {
            permissions.canSee(customerOwnedBy: owner) ? allowed(may(permissions)) : .notFound
        }
        switch (method, path) {
        // Public, and every signed-in user's own pages.
        case (.GET, "health"), (.GET, "login"), (.POST, "login"), (.POST, "logout"), (.GET, "password/forgot"),
            (.POST, "password/forgot"), (.GET, "password/reset"), (.POST, "password/reset"),
            (.GET, "api/session/csrf"), (.POST, "api/session"), (.GET, ""), (.GET, "customers"), (.GET, "calls"),
            (.GET, "phone"), (.GET, "api/phone/socket"), (.GET, "me"), (.POST, "me/password"),
            (.POST, "me/phone-password"), (.GET, "api/v1/calendar/holidays"), (.GET, "calendar"), (.GET, "callbacks"):
            return .allowed
        case (.GET, "customers/export"), (.GET, "customers/delete"), (.POST, "customers/delete"):
            return allowed(permissions.canExportAndDelete)
        case (.POST, "customers/list"), (.GET, "lists"):
            return allowed(permissions.canCreateLists)
        case (.POST, "lists/:listID/distribute"), (.GET, "lists/:listID/rules"), (.POST, "lists/:listID/rules"):
            return allowed(permissions.canDistributeLists)
        case (.GET, "customers/import"), (.POST, "customers/import"), (.POST, "customers/import/confirm"):
            return allowed(permissions.canImport)
        case (.GET, "customers/:customerID"):
            return customer { _ in true }
        case (.POST, "customers/:customerID"), (.POST, "customers/:customerID/delete"),
            (.POST, "customers/:customerID/restore"):
            return customer { $0.canEdit(customerOwnedBy: owner) }
        case (.POST, "customers/:customerID/assign-me"):
            return customer { $0.canTakeOver(customerOwnedBy: owner) }
        case (.POST, "customers/:customerID/lift-bar"):
            return customer { $0.canManageDoNotCall }
        case (.GET, "floor"), (.GET, "api/v1/floor"), (.GET, "api/v1/floor/socket"):
            return allowed(permissions.canViewFloor)
        case (.GET, "reports"), (.GET, "reports/export"):
            return allowed(permissions.canViewReports)
        case (.POST, "callbacks/:callbackID/reassign"):
            return allowed(permissions.canManageCallbacks)
        case (_, let path) where path == "do-not-call" || path.hasPrefix("do-not-call/"):
            return allowed(permissions.canManageDoNotCall)
        case (_, let path) where path.hasPrefix("admin/users"):
            return allowed(permissions.canManageUsers)
        case (_, "admin/settings"):
            return allowed(permissions.canManageSettings)
        default:
            return nil
        }
    }

    /// The roles tried: 管理者, 一般, and 一般 with コールリスト作成.
    static let roles: [(name: String, role: User.Role, lists: Bool)] = [
        ("admin", .admin, true), ("agent", .agent, false), ("list builder", .agent, true),
    ]

    @Test func everyRouteAndTheMenuFollowThePermissions() async throws {
        try await withTestApp { app, client in
            app.mailer = CapturingMailer()
            let tenants = try await TwoTenants.create(on: app.db)
            let scope = TenantScope(tenantID: tenants.a, database: app.db)
            let user = try #require(try await scope.query(User.self).filter(\.$loginID == "agent").first())
            let me = try user.requireID()
            let admin = try #require(try await scope.query(User.self).filter(\.$loginID == "admin").first()?.id)
            let extra = User(
                tenantID: tenants.a, loginID: "extra", name: "extra", email: "extra@alpha.example.jp", role: .agent,
                passwordHash: user.passwordHash)
            try await scope.create(extra)
            let other = try #require(try await scope.query(Customer.self).first())
            let mine = Customer(
                tenantID: tenants.a,
                draft: CustomerDraft(company: "自分の会社", phone: try PhoneNumber.parse("03-0000-2002").get()),
                registeredOn: "2026-11-25", ownerUserID: me)
            try await scope.create(mine)
            let list = try await CallListBuilder(scope: scope).create(
                name: "リスト", customerIDs: [try mine.requireID()], createdBy: nil)
            // A bar in force, for the lift routes (lifting it needs a reason, which the empty form lacks).
            guard
                case .added(let bar) = try await DialBarStore(scope: scope).add(
                    number: "+81300009999", note: "", by: nil, at: Date())
            else { throw CancellationError() }
            // A callback waiting, for the reassign route (the empty form names no agent, so nothing changes).
            let callback = Callback(
                id: UUID(), customerID: nil, number: "+81300009998", company: "再架電先", contactName: "",
                callListID: nil, ownerID: admin, dueAt: Date().addingTimeInterval(3600), note: "", createdAt: Date())
            try await CallbackStore(scope: scope).schedule(callback, by: admin, setAttemptID: nil, at: Date())
            let signIn = try await client.signIn(tenant: "alpha", loginID: "agent", password: TwoTenants.password)
            #expect(signIn.status == .seeOther)

            var checked = 0
            for (name, role, lists) in Self.roles {
                for scopeSetting in TenantSettings.CustomerScope.allCases {
                    for editSetting in TenantSettings.CustomerEditRight.allCases {
                        for csv in [true, false] {
                            var settings = TenantSettings()
                            settings.customerScope = scopeSetting
                            settings.customerEdit = editSetting
                            settings.csvExportAndDeleteEnabled = csv
                            let permissions = Permissions(
                                userID: me, isAdministrator: role == .admin, mayCreateLists: lists,
                                settings: settings)
                            let setting = "\(name), \(scopeSetting), \(editSetting), csv \(csv)"
                            for route in app.routes.all where route.path.last != .catchall {
                                let pattern = route.path.map { "\($0)" }.joined(separator: "/")
                                if pattern == "logout" { continue }
                                let owners: [Owner] = pattern.contains(":customerID") ? Owner.allCases : [.mine]
                                for owner in owners {
                                    // Each request starts from the same state: whatever the last one changed.
                                    try await Self.reset(
                                        app.db, tenant: tenants.a, user: me, role: role, lists: lists,
                                        settings: settings, customers: [(mine, me), (other, admin)])
                                    let customer = owner == .mine ? mine : other
                                    let ownerID = owner == .mine ? me : admin
                                    let expected = try #require(
                                        Self.expected(route.method, pattern, permissions, owner: ownerID),
                                        "\(route.method) /\(pattern) has no line in the permissions table")
                                    let path =
                                        "/"
                                        + route.path.map { component -> String in
                                            switch component {
                                            case .parameter("customerID"): customer.id!.uuidString
                                            case .parameter("listID"): list.uuidString
                                            case .parameter("userID"): extra.id!.uuidString
                                            case .parameter("barID"): bar.id!.uuidString
                                            case .parameter("callbackID"): callback.id.uuidString
                                            case .parameter(let other): other
                                            case .constant(let value): value
                                            case .anything, .catchall: "x"
                                            }
                                        }.joined(separator: "/")
                                    let response = try await client.send(
                                        route.method, path, form: route.method == .POST ? [:] : nil)
                                    let answered: Expected =
                                        switch response.status {
                                        case .forbidden: .forbidden
                                        case .notFound: .notFound
                                        default: .allowed
                                        }
                                    #expect(
                                        answered == expected,
                                        "\(setting): \(route.method) \(path) (\(owner)) answered \(response.status), expected \(expected)"
                                    )
                                    checked += 1
                                }
                            }
                            let menu = try await client.send(.GET, "/me").body.string
                            let entries: [(String, Bool)] = [
                                ("/customers/import", permissions.canImport), ("/lists", permissions.canCreateLists),
                                ("/admin/users", permissions.canManageUsers),
                                ("/admin/settings", permissions.canManageSettings),
                                ("/do-not-call", permissions.canManageDoNotCall),
                                ("/customers", true), ("/calls", true), ("/phone", true), ("/me", true),
                                ("/callbacks", true), ("/floor", permissions.canViewFloor),
                                ("/reports", permissions.canViewReports),
                            ]
                            for (link, shown) in entries {
                                #expect(menu.contains("href=\"\(link)\"") == shown, "\(setting): menu entry \(link)")
                            }
                        }
                    }
                }
            }
            #expect(checked > 3 * 12 * 35)
        }
    }

    /// Puts the user's role and right, the tenant's settings and the customers' owners back as the case wants.
    static func reset(
        _ database: any Database, tenant: UUID, user: UUID, role: User.Role, lists: Bool, settings: TenantSettings,
        customers: [(Customer, UUID)]
    ) async throws {
        let scope = TenantScope(tenantID: tenant, database: database)
        let account = try #require(try await scope.find(User.self, id: user))
        account.role = role
        account.canCreateLists = lists
        account.disabled = false
        try await scope.update(account)
        let stored = try #require(try await Tenant.find(tenant, on: database))
        stored.settings = settings
        try await stored.update(on: database)
        for (customer, owner) in customers {
            let current = try #require(
                try await scope.query(Customer.self).withDeleted().filter(\.$id == customer.id!).first())
            if current.deletedAt != nil { try await current.restore(on: database) }
            current.ownerUserID = owner
            try await scope.update(current)
        }
    }
}
