// Optimizers stepped natively: one call updates every parameter. Two Adam paths:
//  - exact: the ATen op sequence of torch.optim's single-tensor (foreach=False) implementation, so results match
//    PyTorch bit for bit;
//  - fused (the default): one pass over each contiguous CPU float tensor doing the same arithmetic, instead of
//    eight passes and two temporaries. It rounds differently in the last bits (ATen's vectorised kernels use FMA),
//    is just as deterministic, and falls back to the exact path for anything else (CUDA, odd layouts).
#include "shim.h"

#include <ATen/Parallel.h>

#include <cmath>
#include <limits>

// Hyperparameters of one parameter group, passed on every step (schedules change lr). Same layout as the managed
// struct OptimizerGroupOptions.
struct TsGroupOptions {
  double lr;
  double weight_decay;
  double beta1;
  double beta2;
  double eps;
  double momentum;
  double dampening;
  int32_t nesterov;
  int32_t maximize;
};

struct TsOptimizer {
  int32_t kind = 0;  // 0 SGD, 1 Adam, 2 AdamW
  bool fused = true;
  std::vector<at::Tensor> params;
  std::vector<int32_t> groups;  // the group of each parameter
  std::vector<int64_t> steps;   // Adam's per-parameter step count
  std::vector<at::Tensor> exp_avg, exp_avg_sq, momentum;  // undefined until a parameter's first step
};

namespace {

void sgd(TsOptimizer& opt, size_t i, const TsGroupOptions& o, at::Tensor grad) {
  at::Tensor& param = opt.params[i];
  if (o.maximize) grad = grad.neg();
  if (o.weight_decay != 0) grad = grad.add(param, o.weight_decay);
  if (o.momentum != 0) {
    at::Tensor& buf = opt.momentum[i];
    if (!buf.defined()) {
      buf = grad.clone().detach();
    } else {
      buf.mul_(o.momentum).add_(grad, 1 - o.dampening);
    }
    grad = o.nesterov ? grad.add(buf, o.momentum) : buf;
  }
  param.add_(grad, -o.lr);
}

template <typename T, bool Decoupled>
void adam_fused_kernel(T* p, const T* g, T* m, T* v, int64_t n, const TsGroupOptions& o, double step) {
  const T beta1 = static_cast<T>(o.beta1), beta2 = static_cast<T>(o.beta2);
  const T one_minus_beta1 = static_cast<T>(1 - o.beta1), one_minus_beta2 = static_cast<T>(1 - o.beta2);
  const T decay = static_cast<T>(1 - o.lr * o.weight_decay), l2 = static_cast<T>(o.weight_decay);
  const T step_size = static_cast<T>(o.lr / (1 - std::pow(o.beta1, step)));
  const T bias_correction2_sqrt = static_cast<T>(std::sqrt(1 - std::pow(o.beta2, step)));
  const T eps = static_cast<T>(o.eps), sign = o.maximize ? T(-1) : T(1);
  at::parallel_for(0, n, 16384, [&](int64_t begin, int64_t end) {
    for (int64_t j = begin; j < end; ++j) {
      T grad = sign * g[j];
      T param = p[j];
      if (Decoupled) {
        param = param * decay;
      } else {
        grad = grad + l2 * param;
      }
      const T mj = m[j] * beta1 + one_minus_beta1 * grad;
      const T vj = v[j] * beta2 + one_minus_beta2 * grad * grad;
      m[j] = mj;
      v[j] = vj;
      const T denom = std::sqrt(vj) / bias_correction2_sqrt + eps;
      p[j] = param - step_size * (mj / denom);
    }
  });
}

bool fusable(const at::Tensor& param, const at::Tensor& grad, const at::Tensor& m, const at::Tensor& v) {
  const auto type = param.scalar_type();
  if (!param.device().is_cpu() || (type != at::kFloat && type != at::kDouble)) return false;
  for (const at::Tensor* t : {&param, &grad, &m, &v})
    if (t->scalar_type() != type || !t->is_contiguous() || t->layout() != at::kStrided || !t->device().is_cpu())
      return false;
  return true;
}

template <typename T>
void adam_fused(at::Tensor& p, const at::Tensor& g, at::Tensor& m, at::Tensor& v, const TsGroupOptions& o,
                double step, bool decoupled) {
  auto kernel = decoupled ? adam_fused_kernel<T, true> : adam_fused_kernel<T, false>;
  kernel(p.data_ptr<T>(), g.data_ptr<T>(), m.data_ptr<T>(), v.data_ptr<T>(), p.numel(), o, step);
}

void adam(TsOptimizer& opt, size_t i, const TsGroupOptions& o, at::Tensor grad, bool decoupled) {
  at::Tensor& param = opt.params[i];
  if (!opt.exp_avg[i].defined()) {
    opt.exp_avg[i] = at::zeros_like(param, at::MemoryFormat::Preserve);
    opt.exp_avg_sq[i] = at::zeros_like(param, at::MemoryFormat::Preserve);
  }
  const double step = static_cast<double>(++opt.steps[i]);
  if (opt.fused && fusable(param, grad, opt.exp_avg[i], opt.exp_avg_sq[i])) {
    if (param.scalar_type() == at::kFloat) {
      adam_fused<float>(param, grad, opt.exp_avg[i], opt.exp_avg_sq[i], o, step, decoupled);
    } else {
      adam_fused<double>(param, grad, opt.exp_avg[i], opt.exp_avg_sq[i], o, step, decoupled);
    }
    return;
  }
  if (o.maximize) grad = grad.neg();
  if (decoupled) {
    param.mul_(1 - o.lr * o.weight_decay);
  } else if (o.weight_decay != 0) {
    grad = grad.add(param, o.weight_decay);
  }
  at::Tensor& m = opt.exp_avg[i];
  at::Tensor& v = opt.exp_avg_sq[i];
  m.mul_(o.beta1).add_(grad, 1 - o.beta1);
  v.mul_(o.beta2).addcmul_(grad, grad, 1 - o.beta2);
  const double bias_correction1 = 1 - std::pow(o.beta1, step);
  const double bias_correction2 = 1 - std::pow(o.beta2, step);
  const double step_size = o.lr / bias_correction1;
  const double bias_correction2_sqrt = std::sqrt(bias_correction2);
  at::Tensor denom = (v.sqrt() / bias_correction2_sqrt).add_(o.eps);
  param.addcdiv_(m, denom, -step_size);
}

}  // namespace

TS_API TsOptimizer* ts_optim_create(int32_t kind, TsTensor* const* params, const int32_t* groups, int64_t count,
                                    int32_t fused) {
  return ts::guard(static_cast<TsOptimizer*>(nullptr), [&] {
    TORCH_CHECK(kind >= 0 && kind <= 2, "unknown optimizer kind ", kind);
    auto* opt = new TsOptimizer();
    opt->kind = kind;
    opt->fused = fused != 0;
    opt->params = ts::tensor_list(params, count);
    opt->groups.assign(groups, groups + count);
    opt->steps.assign(static_cast<size_t>(count), 0);
    opt->exp_avg.resize(static_cast<size_t>(count));
    opt->exp_avg_sq.resize(static_cast<size_t>(count));
    opt->momentum.resize(static_cast<size_t>(count));
    return opt;
  });
}

TS_API void ts_optim_free(TsOptimizer* opt) { delete opt; }

// Updates every parameter that has a gradient; parameters without one are skipped (their step does not advance).
TS_API int32_t ts_optim_step(TsOptimizer* opt, const TsGroupOptions* options, int64_t n_groups) {
  return ts::status_result([&] {
    c10::NoGradGuard no_grad;
    for (size_t i = 0; i < opt->params.size(); ++i) {
      const at::Tensor& grad = opt->params[i].grad();
      if (!grad.defined()) continue;
      const int32_t g = opt->groups[i];
      TORCH_CHECK(g >= 0 && g < n_groups, "parameter ", i, " belongs to group ", g, " but only ", n_groups,
                  " groups were given");
      switch (opt->kind) {
        case 0: sgd(*opt, i, options[g], grad); break;
        case 1: adam(*opt, i, options[g], grad, false); break;
        case 2: adam(*opt, i, options[g], grad, true); break;
      }
    }
  });
}

// State of one parameter for checkpoints. slot: 0 exp_avg, 1 exp_avg_sq, 2 momentum buffer (null if not yet made).
TS_API int32_t ts_optim_get_state(TsOptimizer* opt, int64_t index, int32_t slot, TsTensor** out, int64_t* step) {
  return ts::status_result([&] {
    TORCH_CHECK(index >= 0 && index < static_cast<int64_t>(opt->params.size()), "no parameter ", index);
    TORCH_CHECK(slot >= 0 && slot <= 2, "unknown optimizer state slot ", slot);
    const at::Tensor& t = slot == 0 ? opt->exp_avg[index] : slot == 1 ? opt->exp_avg_sq[index] : opt->momentum[index];
    *out = t.defined() ? new at::Tensor(t) : nullptr;
    *step = opt->steps[index];
  });
}

TS_API int32_t ts_optim_set_state(TsOptimizer* opt, int64_t index, int32_t slot, TsTensor* value, int64_t step) {
  return ts::status_result([&] {
    TORCH_CHECK(index >= 0 && index < static_cast<int64_t>(opt->params.size()), "no parameter ", index);
    TORCH_CHECK(slot >= 0 && slot <= 2, "unknown optimizer state slot ", slot);
    at::Tensor& t = slot == 0 ? opt->exp_avg[index] : slot == 1 ? opt->exp_avg_sq[index] : opt->momentum[index];
    if (value) {
      const at::Tensor& param = opt->params[index];
      TORCH_CHECK(value->sizes() == param.sizes(), "optimizer state for parameter ", index, " has shape ",
                  value->sizes(), " but the parameter has ", param.sizes());
      t = value->detach().to(param.options()).clone();
    } else {
      t = at::Tensor();
    }
    opt->steps[index] = step;
  });
}

namespace {

// set_to_none drops the gradient; otherwise it is zeroed in place (cut from any graph first), as torch does.
void zero_grad(const at::Tensor& param, bool set_to_none) {
  at::Tensor& grad = param.mutable_grad();
  if (!grad.defined()) return;
  if (set_to_none) {
    grad = at::Tensor();
    return;
  }
  if (grad.grad_fn()) {
    grad = grad.detach();
  } else {
    grad.requires_grad_(false);
  }
  grad.zero_();
}

}  // namespace

TS_API int32_t ts_zero_grad(TsTensor* const* params, int64_t count, int32_t set_to_none) {
  return ts::status_result([&] {
    for (int64_t i = 0; i < count; ++i) zero_grad(*params[i], set_to_none != 0);
  });
}

// zero_grad over the optimizer's own parameter references (valid even after the module's handles are freed).
TS_API int32_t ts_optim_zero_grad(TsOptimizer* opt, int32_t set_to_none) {
  return ts::status_result([&] {
    for (const auto& param : opt->params) zero_grad(param, set_to_none != 0);
  });
}

// torch.nn.utils.clip_grad_norm_: scales all gradients so that their joint norm is at most max_norm; returns the
// norm before clipping.
TS_API TsTensor* ts_clip_grad_norm(TsTensor* const* params, int64_t count, double max_norm, double norm_type) {
  return ts::tensor_result([&]() -> at::Tensor {
    c10::NoGradGuard no_grad;
    std::vector<at::Tensor> grads;
    for (int64_t i = 0; i < count; ++i)
      if (params[i]->grad().defined()) grads.push_back(params[i]->grad());
    if (grads.empty()) return at::zeros({});
    const auto device = grads[0].device();
    std::vector<at::Tensor> norms;
    at::Tensor total;
    if (std::isinf(norm_type)) {
      for (const auto& g : grads) norms.push_back(g.detach().abs().max().to(device));
      total = norms.size() == 1 ? norms[0] : at::max(at::stack(norms));
    } else {
      for (const auto& g : grads) norms.push_back(at::linalg_vector_norm(g.detach(), norm_type).to(device));
      total = at::linalg_vector_norm(at::stack(norms), norm_type);
    }
    const at::Tensor coef = at::clamp(max_norm / (total + 1e-6), c10::optional<at::Scalar>(), at::Scalar(1.0));
    for (auto& g : grads) g.detach().mul_(coef.to(g.device()));
    return total;
  });
}
