//! `listed!`: declares a plain enum together with `ALL`, every variant in declaration order.
//! A hand-written `ALL` beside an enum compiles when a new variant is left out of it, and a
//! value stored under the new variant's key then fails to read back; declared together, the
//! list cannot miss one.

/// Declares the enum as written and adds `pub const ALL: [Self; N]` (declaration order).
macro_rules! listed {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every variant, in declaration order (declared with the enum by `listed!`, so a
            /// new variant cannot be left out).
            pub const ALL: [Self; [$(stringify!($variant)),+].len()] = [$(Self::$variant),+];
        }
    };
}

pub(crate) use listed;
