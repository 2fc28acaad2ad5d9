import * as path from 'node:path';

import { crdValidator } from './crd-schemas';
import type { K8sObject } from './helm';

/** KServe v0.20.0's CRDs, kept in the repository (see SOURCE.md there). */
export const KSERVE_CRDS = path.join(__dirname, '..', 'fixtures', 'kserve-v0.20.0');
export const KSERVE_GROUP = 'serving.kserve.io';

/** Whether an object is one of KServe's custom resources. */
export const isKserveObject = (object: K8sObject) => object.apiVersion.startsWith(`${KSERVE_GROUP}/`);

/** Validates a KServe object against its v0.20.0 CRD schema; throws naming the object and every failing field. */
export const validateKserveObject = crdValidator('KServe v0.20.0', () => KSERVE_CRDS);
