// Optimizers stepped natively: one call updates every parameter, with the same arithmetic as torch.optim's
// single-tensor (foreach=False) implementations, so results match PyTorch step for step.
#include "shim.h"

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

void adam(TsOptimizer& opt, size_t i, const TsGroupOptions& o, at::Tensor grad, bool decoupled) {
  at::Tensor& param = opt.params[i];
  if (!opt.exp_avg[i].defined()) {
    opt.exp_avg[i] = at::zeros_like(param, at::MemoryFormat::Preserve);
    opt.exp_avg_sq[i] = at::zeros_like(param, at::MemoryFormat::Preserve);
  }
  if (o.maximize) grad = grad.neg();
  const double step = static_cast<double>(++opt.steps[i]);
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

TS_API TsOptimizer* ts_optim_create(int32_t kind, TsTensor* const* params, const int32_t* groups, int64_t count) {
  return ts::guard(static_cast<TsOptimizer*>(nullptr), [&] {
    TORCH_CHECK(kind >= 0 && kind <= 2, "unknown optimizer kind ", kind);
    auto* opt = new TsOptimizer();
    opt->kind = kind;
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

// zero_grad over a list of parameters: set_to_none drops the gradients, otherwise they are zeroed in place.
TS_API int32_t ts_zero_grad(TsTensor* const* params, int64_t count, int32_t set_to_none) {
  return ts::status_result([&] {
    for (int64_t i = 0; i < count; ++i) {
      at::Tensor& grad = params[i]->mutable_grad();
      if (!grad.defined()) continue;
      if (set_to_none) {
        grad = at::Tensor();
      } else {
        if (grad.grad_fn()) {
          grad = grad.detach();
        } else {
          grad.requires_grad_(false);
        }
        grad.zero_();
      }
    }
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
