package org.roadpulse.roadai.privacy;

import org.bytedeco.opencv.opencv_core.Mat;

import java.util.List;

/** Finds faces and number plates in a BGR image. */
public interface SensitiveRegionDetector {

    List<SensitiveRegion> detect(Mat bgr);
}
