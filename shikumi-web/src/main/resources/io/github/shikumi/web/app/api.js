// The JSON API client: every call names the session, sends the page's language, and turns an
// {"error": "..."} answer into an Error whose message is that one line.
import { lang } from './i18n.js';

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function call(method, path, body) {
  const init = { method, headers: { 'Accept-Language': lang(), 'Accept': 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const r = await fetch(path, init);
  if (r.status === 204) return null;
  const text = await r.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
  if (!r.ok) {
    throw new ApiError(r.status, (json && json.error) || `${r.status} ${r.statusText}`);
  }
  return json;
}

export const api = {
  get: (path) => call('GET', path),
  post: (path, body) => call('POST', path, body === undefined ? {} : body),
  put: (path, body) => call('PUT', path, body),
  del: (path) => call('DELETE', path),
};

/** The session's API paths. */
export function sessionApi(id) {
  const base = `/api/sessions/${id}`;
  return {
    id,
    base,
    summary: () => api.get(base),
    settings: (s) => api.put(`${base}/settings`, s),
    reset: () => api.post(`${base}/reset`),
    step: (iterations) => api.post(`${base}/step`, { iterations }),
    run: (iterations, perSecond) => api.post(`${base}/run`, perSecond ? { iterations, perSecond } : { iterations }),
    cancel: () => api.post(`${base}/cancel`),
    branch: (iteration, eta) => api.post(`${base}/branch`, { iteration, eta }),
    curve: (from = 0) => api.get(`${base}/curve?from=${from}`),
    network: (iteration, image) => api.get(`${base}/network?iteration=${iteration}` + (image >= 0 ? `&image=${image}` : '')),
    trace: (iteration, image) => api.get(`${base}/trace?iteration=${iteration}&image=${image}`),
    gradcheck: (iteration) => api.get(`${base}/gradcheck?iteration=${iteration}`),
    results: (iteration) => api.get(`${base}/results?iteration=${iteration}`),
    classify: (pixels, iteration) => api.post(`${base}/classify`, { pixels, iteration }),
    data: () => api.get(`${base}/data`),
    select: (dataset) => api.post(`${base}/data/select`, { dataset }),
    importText: (name, text) => api.post(`${base}/data/import`, { name, text }),
    addImage: (label, pixels) => api.post(`${base}/data/images`, { label, pixels }),
    editImage: (n, label, pixels) => api.put(`${base}/data/images/${n}`, { label, pixels }),
    deleteImage: (n) => api.del(`${base}/data/images/${n}`),
    modelUrl: (iteration) => `${base}/export/model?iteration=${iteration}`,
    dataUrl: () => `${base}/export/data`,
    worksheetUrl: (iteration, image, kind, answers, language) =>
      `${base}/worksheet?iteration=${iteration}&image=${image}&kind=${kind}&lang=${language}${answers ? '&answers=true' : ''}`,
    checkXlsx: (name, xlsx) => api.post(`${base}/check-xlsx`, { name, xlsx }),
    onnxUrl: (iteration) => `${base}/export/onnx?iteration=${iteration}`,
    xlsxUrl: (iteration, language) => `${base}/export/xlsx?iteration=${iteration}&lang=${language}`,
    eventsUrl: () => `${base}/events`,
    compare: (body) => api.post(`${base}/compare`, body),
    compareState: () => api.get(`${base}/compare`),
    compareCancel: () => api.post(`${base}/compare/cancel`),
    compareEventsUrl: () => `${base}/compare/events`,
  };
}
