// Elementwise operations, chosen by an op code so that each family is one export. The managed enums UnaryOp and
// BinaryOp use the same numbers.
#include "shim.h"

namespace {

at::Tensor unary(const at::Tensor& x, int32_t op) {
  switch (op) {
    case 0: return at::neg(x);
    case 1: return at::abs(x);
    case 2: return at::exp(x);
    case 3: return at::log(x);
    case 4: return at::sqrt(x);
    case 5: return at::sin(x);
    case 6: return at::cos(x);
    case 7: return at::tanh(x);
    case 8: return at::sigmoid(x);
    case 9: return at::relu(x);
    case 10: return at::gelu(x);
    case 11: return at::gelu(x, "tanh");
    case 12: return at::silu(x);
    case 13: return at::rsqrt(x);
    case 14: return at::square(x);
    case 15: return at::sign(x);
    case 16: return at::floor(x);
    case 17: return at::ceil(x);
    case 18: return at::round(x);
    case 19: return at::log1p(x);
    case 20: return at::expm1(x);
    case 21: return at::logical_not(x);
    case 22: return at::reciprocal(x);
    case 23: return at::erf(x);
    case 24: return at::softplus(x);
    case 25: return x.clone();
    case 26: return x.contiguous();
    case 27: return x.detach();
    case 28: return at::isnan(x);
    case 29: return at::isfinite(x);
    case 30: return x.t();
  }
  TORCH_CHECK(false, "unknown unary op code ", op);
}

at::Tensor binary(const at::Tensor& a, const at::Tensor& b, int32_t op) {
  switch (op) {
    case 0: return at::add(a, b);
    case 1: return at::sub(a, b);
    case 2: return at::mul(a, b);
    case 3: return at::div(a, b);
    case 4: return at::pow(a, b);
    case 5: return at::maximum(a, b);
    case 6: return at::minimum(a, b);
    case 7: return at::eq(a, b);
    case 8: return at::ne(a, b);
    case 9: return at::lt(a, b);
    case 10: return at::le(a, b);
    case 11: return at::gt(a, b);
    case 12: return at::ge(a, b);
    case 13: return at::logical_and(a, b);
    case 14: return at::logical_or(a, b);
    case 15: return at::remainder(a, b);
    case 16: return at::floor_divide(a, b);
    case 17: return at::matmul(a, b);
    case 18: return at::mm(a, b);
    case 19: return at::bmm(a, b);
    case 20: return at::dot(a, b);
    case 21: return at::outer(a, b);
    case 22: return at::atan2(a, b);
    case 23: return at::logical_xor(a, b);
  }
  TORCH_CHECK(false, "unknown binary op code ", op);
}

// A Python number in an expression such as `x * 2`: it takes part in type promotion as a weak scalar.
at::Tensor wrapped(const at::Scalar& value) {
  at::Tensor t = c10::scalar_to_tensor(value);
  t.unsafeGetTensorImpl()->set_wrapped_number(true);
  return t;
}

}  // namespace

TS_API TsTensor* ts_unary(TsTensor* x, int32_t op) {
  return ts::tensor_result([&] { return unary(*x, op); });
}

TS_API TsTensor* ts_binary(TsTensor* a, TsTensor* b, int32_t op) {
  return ts::tensor_result([&] { return binary(*a, *b, op); });
}

// x op s, or s op x when reversed (for `2 - x`, `1 / x`, `2 ** x`).
TS_API TsTensor* ts_binary_scalar(TsTensor* x, double value, int64_t ivalue, int32_t is_int, int32_t op,
                                  int32_t reversed) {
  return ts::tensor_result([&] {
    const at::Scalar s = ts::scalar(value, ivalue, is_int);
    if (!reversed) {
      switch (op) {  // the common ones take the scalar overloads directly
        case 0: return at::add(*x, s);
        case 1: return at::sub(*x, s);
        case 2: return at::mul(*x, s);
        case 3: return at::div(*x, s);
        case 4: return at::pow(*x, s);
      }
      return binary(*x, wrapped(s).to(x->device()), op);
    }
    return binary(wrapped(s).to(x->device()), *x, op);
  });
}

// In place: self op= other (op 0..3 add, sub, mul, div), with alpha scaling other for add and sub.
TS_API int32_t ts_binary_(TsTensor* self, TsTensor* other, int32_t op, double alpha) {
  return ts::status_result([&] {
    switch (op) {
      case 0: self->add_(*other, alpha); return;
      case 1: self->sub_(*other, alpha); return;
      case 2: self->mul_(*other); return;
      case 3: self->div_(*other); return;
    }
    TORCH_CHECK(false, "op code ", op, " has no in-place form");
  });
}

TS_API int32_t ts_binary_scalar_(TsTensor* self, double value, int64_t ivalue, int32_t is_int, int32_t op) {
  return ts::status_result([&] {
    const at::Scalar s = ts::scalar(value, ivalue, is_int);
    switch (op) {
      case 0: self->add_(s); return;
      case 1: self->sub_(s); return;
      case 2: self->mul_(s); return;
      case 3: self->div_(s); return;
    }
    TORCH_CHECK(false, "op code ", op, " has no in-place form");
  });
}

TS_API int32_t ts_fill_(TsTensor* self, double value, int64_t ivalue, int32_t is_int) {
  return ts::status_result([&] { self->fill_(ts::scalar(value, ivalue, is_int)); });
}

TS_API int32_t ts_copy_(TsTensor* self, TsTensor* source) {
  return ts::status_result([&] { self->copy_(*source); });
}

TS_API TsTensor* ts_where(TsTensor* condition, TsTensor* a, TsTensor* b) {
  return ts::tensor_result([&] { return at::where(*condition, *a, *b); });
}

TS_API TsTensor* ts_clamp(TsTensor* x, double low, int32_t has_low, double high, int32_t has_high) {
  return ts::tensor_result([&] {
    const auto lo = has_low ? c10::optional<at::Scalar>(low) : c10::optional<at::Scalar>();
    const auto hi = has_high ? c10::optional<at::Scalar>(high) : c10::optional<at::Scalar>();
    return at::clamp(*x, lo, hi);
  });
}

TS_API TsTensor* ts_allclose_tensor(TsTensor* a, TsTensor* b, double rtol, double atol) {
  return ts::tensor_result([&] { return at::isclose(*a, *b, rtol, atol); });
}
