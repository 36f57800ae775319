/// Every page and endpoint, so routes and links are built from one list.
enum SiteURL {
    case home
    case login
    case logout
    case health
    case customers

    var path: String {
        switch self {
        case .home: "/"
        case .login: "/login"
        case .logout: "/logout"
        case .health: "/health"
        case .customers: "/customers"
        }
    }
}
