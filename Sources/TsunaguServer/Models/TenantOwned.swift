import FluentKit
import Foundation

/// A model whose every row belongs to one tenant. Only `TenantScope` queries these models, so no query can forget
/// the tenant.
package protocol TenantOwned: Model where IDValue == UUID {
    var tenantID: UUID { get set }
    static var tenantIDField: KeyPath<Self, FieldProperty<Self, UUID>> { get }
}
