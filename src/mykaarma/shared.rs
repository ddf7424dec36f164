//! Values that several myKaarma events use alike.

use crate::wire::open_enum;

open_enum! {
    /// Who pays for a line of work (wire `payType`, `laborType`, `dmsLaborType`). The docs spell
    /// the same meaning `C`, `CUSTOMER` and `Customer`; all are recognised, and the spelling that
    /// came is written back.
    pub struct PayType => PayTypeKind {
        /// The customer pays.
        Customer = ["C", "CUSTOMER"],
        /// The manufacturer's warranty pays.
        Warranty = ["W", "WARRANTY"],
        /// The dealership pays (internal work).
        Internal = ["I", "INTERNAL"],
    }
}

open_enum! {
    /// The status code of a repair order (wire `status`, `dmsStatus`, `orderStatus`).
    pub struct OrderStatus => OrderStatusKind {
        /// Open: `O`.
        Open = ["O"],
        /// Pre-invoiced: `P`.
        PreInvoiced = ["P"],
        /// Closed: `C`.
        Closed = ["C"],
    }
}
