// Linear algebra: decompositions, norms, pseudo-inverse and least squares.
#include "shim.h"

TS_API int32_t ts_svd(TsTensor* a, int32_t full_matrices, TsTensor** u, TsTensor** s, TsTensor** vh) {
  return ts::status_result([&] {
    auto result = at::linalg_svd(*a, full_matrices != 0);
    *u = new at::Tensor(std::get<0>(result));
    *s = new at::Tensor(std::get<1>(result));
    *vh = new at::Tensor(std::get<2>(result));
  });
}

// mode: 0 reduced, 1 complete, 2 r (R only; Q is left empty).
TS_API int32_t ts_qr(TsTensor* a, int32_t mode, TsTensor** q, TsTensor** r) {
  return ts::status_result([&] {
    static const char* const modes[] = {"reduced", "complete", "r"};
    TORCH_CHECK(mode >= 0 && mode <= 2, "unknown qr mode code ", mode);
    auto result = at::linalg_qr(*a, modes[mode]);
    *q = new at::Tensor(std::get<0>(result));
    *r = new at::Tensor(std::get<1>(result));
  });
}

TS_API TsTensor* ts_vector_norm(TsTensor* x, double ord, const int64_t* dims, int64_t ndims, int32_t all_dims,
                                int32_t keepdim) {
  return ts::tensor_result([&] {
    const auto dim = all_dims ? at::OptionalIntArrayRef() : at::OptionalIntArrayRef(ts::int_list(dims, ndims));
    return at::linalg_vector_norm(*x, ord, dim, keepdim != 0);
  });
}

// ord: "fro" or "nuc", or a number (1, -1, 2, -2, inf, -inf) given as ord_value when ord_name is null.
TS_API TsTensor* ts_matrix_norm(TsTensor* x, const char* ord_name, double ord_value, int32_t keepdim) {
  return ts::tensor_result([&] {
    const std::vector<int64_t> dims = {-2, -1};
    if (ord_name) return at::linalg_matrix_norm(*x, ord_name, dims, keepdim != 0);
    return at::linalg_matrix_norm(*x, at::Scalar(ord_value), dims, keepdim != 0);
  });
}

// op: 0 pinv, 1 inv, 2 det, 3 cholesky (lower), 4 eigvalsh, 5 matrix_exp.
TS_API TsTensor* ts_linalg_unary(TsTensor* a, int32_t op) {
  return ts::tensor_result([&] {
    switch (op) {
      case 0: return at::linalg_pinv(*a);
      case 1: return at::linalg_inv(*a);
      case 2: return at::linalg_det(*a);
      case 3: return at::linalg_cholesky(*a);
      case 4: return at::linalg_eigvalsh(*a);
      case 5: return at::linalg_matrix_exp(*a);
    }
    TORCH_CHECK(false, "unknown linalg op code ", op);
  });
}

TS_API TsTensor* ts_linalg_solve(TsTensor* a, TsTensor* b) {
  return ts::tensor_result([&] { return at::linalg_solve(*a, *b); });
}

// The least-squares solution of a x = b (the first output of torch.linalg.lstsq).
TS_API TsTensor* ts_lstsq(TsTensor* a, TsTensor* b) {
  return ts::tensor_result([&] { return std::get<0>(at::linalg_lstsq(*a, *b)); });
}

TS_API int32_t ts_eigh(TsTensor* a, TsTensor** values, TsTensor** vectors) {
  return ts::status_result([&] {
    auto result = at::linalg_eigh(*a);
    *values = new at::Tensor(std::get<0>(result));
    *vectors = new at::Tensor(std::get<1>(result));
  });
}
