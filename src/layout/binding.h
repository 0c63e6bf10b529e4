// Internal: turns "where a setting lands" (a function returning a reference
// into a Layout) into the store/fetch pair of a Binding, converting between
// the field's own type and a Value.
#pragma once

#include <optional>
#include <string>
#include <type_traits>
#include <utility>

#include "layout/registry.h"
#include "layout/values.h"

namespace galley::layout::detail {

template <class T>
struct FieldCodec {
    static Value to(const T& v) { return Value(std::in_place_type<T>, v); }
    static T from(const Value& v) { return std::get<T>(v); }
};

template <class E>
    requires std::is_enum_v<E>
struct FieldCodec<E> {
    static Value to(const E& v) { return Value(std::in_place_type<std::string>, std::string(enum_name(v))); }
    static E from(const Value& v) { return enum_from_name<E>(std::get<std::string>(v)).value_or(E{}); }
};

/// An empty optional is Unset ("inherit", or "none" for colours).
template <class T>
struct FieldCodec<std::optional<T>> {
    static Value to(const std::optional<T>& v) { return v ? FieldCodec<T>::to(*v) : Value(Unset{}); }
    static std::optional<T> from(const Value& v) {
        if (std::holds_alternative<Unset>(v)) return std::nullopt;
        return FieldCodec<T>::from(v);
    }
};

/// `access` is a generic callable `(auto& layout) -> auto&` that works for
/// both a const and a mutable Layout.
template <class Access>
Binding make_binding(Access access) {
    Binding b;
    b.store = [access](Layout& l, const Value& v) {
        auto& field = access(l);
        field = FieldCodec<std::remove_cvref_t<decltype(field)>>::from(v);
    };
    b.fetch = [access](const Layout& l) {
        const auto& field = access(l);
        return FieldCodec<std::remove_cvref_t<decltype(field)>>::to(field);
    };
    return b;
}

}  // namespace galley::layout::detail
